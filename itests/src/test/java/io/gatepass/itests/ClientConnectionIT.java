package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client bundle talking to the server in the same distribution over loopback HTTP, with 6-second
 * access tokens: the example connector keeps synchronising across several lifetimes, a restart, a
 * kill -9 just after a refresh, updates of the client and store bundles, and ends up asking for
 * re-authorization once its grant is revoked.
 */
class ClientConnectionIT {

    private static final String PASSWORD = "Client-Pw-5t8w2";
    private static final Pattern REFRESH = Pattern.compile("gprt_[A-Za-z0-9_-]{49}");
    private static final Pattern ACCESS = Pattern.compile("gpat_[A-Za-z0-9_-]{49}");
    private static final Pattern SECRET = Pattern.compile("gpcs_[A-Za-z0-9_-]{49}");
    private static final String SYNCHRONISED =
        "Example connector synchronised 3 items from http://127.0.0.1:%d/data/items as user 'sync-user'";
    private static final String REFRESHED = "Gatepass client connection 'example' refreshed";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private KarafProcess karaf;
    private Path log;
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD));

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("gatepass.distribution")),
            Path.of("target/e2e/client-" + System.nanoTime()));
        Path etc = karaf.home().resolve("etc");
        Files.writeString(etc.resolve("users.properties"), "\nsync-user = " + PASSWORD + ",viewer\n",
            StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("io.gatepass.client.connection-example.cfg"), String.join("\n",
            "name = example", "serverUrl = http://127.0.0.1:" + karaf.httpPort(), "appId = example",
            "refreshAt = 0.5", "retryInitial = 1s", "retryMax = 3s", ""));
        Files.writeString(etc.resolve("io.gatepass.example.connector.cfg"), "intervalSeconds = 1\n");
        // The refresh of the connection is logged at debug: the kill below waits for that line.
        Files.writeString(etc.resolve("org.ops4j.pax.logging.cfg"), String.join("\n", "",
            "log4j2.logger.gatepassclient.name = io.gatepass.client.internal.ManagedConnection",
            "log4j2.logger.gatepassclient.level = DEBUG", ""), StandardOpenOption.APPEND);
        log = karaf.home().resolve("data/log/karaf.log");
    }

    @AfterEach
    void stop() throws Exception {
        karaf.close();
    }

    @Test
    void theConnectionRefreshesAcrossLifetimesRestartsAndAKillAndAsksForReauthorizationWhenRevoked()
        throws Exception {
        karaf.start();
        karaf.waitForCommand("gatepass-client:list");
        String clientSecret = find(SECRET, karaf.client("app:register --enable --access-ttl 6s example").output());
        String generated = karaf.client("token:generate --password " + PASSWORD + " example sync-user").output();
        find(ACCESS, generated);
        String refreshToken = find(REFRESH, generated);

        String imported = karaf.converse("@root()>", "gatepass-client:import example",
            "Refresh token for connection 'example':", refreshToken,
            "Client secret of app 'example' (empty for a public app):", clientSecret);

        assertThat(imported).contains("Connection 'example' now holds its own tokens in the vault");
        assertThat(list()).contains("example").contains("ready");
        awaitLogCount(REFRESHED, 4);
        int synced = awaitLogCount(synchronised(), 12);
        assertThat(karaf.client("token:inspect " + refreshToken).output()).contains("Active:          no");

        karaf.stop();
        karaf.start();

        awaitLogCount(synchronised(), synced + 3);
        assertThat(list()).contains("ready");

        int refreshes = count(REFRESHED);
        await("a refresh after the restart").atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
            .until(() -> count(REFRESHED) > refreshes);
        karaf.kill();
        synced = count(synchronised());
        karaf.start();

        awaitLogCount(synchronised(), synced + 3);
        awaitLogCount(REFRESHED, count(REFRESHED) + 1);
        assertThat(list()).contains("ready");
        assertThat(Files.readString(log)).doesNotContain("REUSE", "reuse");

        // Hot swap: the connection comes back from the vault after its bundle, or the store's, is updated.
        for (String bundle : List.of("gatepass-client", "gatepass-store")) {
            synced = count(synchronised());
            assertThat(karaf.client("bundle:update " + bundle).exitCode()).isZero();
            awaitLogCount(synchronised(), synced + 3);
        }
        awaitLogCount(REFRESHED, count(REFRESHED) + 1);
        assertThat(list()).contains("ready");

        karaf.client("token:revoke --app example --force");

        await("re-authorization needed").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
            .until(() -> list().contains("re-authorization needed"));
        assertThat(Files.readString(log))
            .contains("Gatepass client connection 'example' needs re-authorization: The server refused the refresh"
                + " (invalid_grant)")
            .contains("Generate new tokens for app 'example' and import them with gatepass-client:import example.");
        awaitLogCount("Example connector skipped a synchronisation: Connection 'example' needs re-authorization", 1);

        karaf.stop();
        Path data = karaf.home().resolve("data");
        assertThat(SecretScan.findings(karaf.home(), List.of(data.resolve("log"), data.resolve("gatepass"),
            data.resolve("gatepass-keys")), secrets)).as("secrets in the logs, the store or the vault").isEmpty();
    }

    @Test
    void badInputAtImportIsNamedAndLeavesTheConnectionAsItWas() throws Exception {
        karaf.start();
        karaf.waitForCommand("gatepass-client:list");

        String typo = karaf.converse("@root()>", "gatepass-client:import example",
            "Refresh token for connection 'example':", "gprt_" + "x".repeat(49));
        String unknown = karaf.client("gatepass-client:import nowhere").output();
        String headless = karaf.client("gatepass-client:import example").output();

        assertThat(typo).contains("That is not a Gatepass refresh token: one starts with gprt_ and is 54 characters"
            + " long, with a checksum that catches typing and copying mistakes. Nothing was imported; the connection"
            + " is as it was.");
        assertThat(unknown).contains("No connection is named 'nowhere'; there are: example.");
        assertThat(headless).contains("This session cannot ask for the refresh token");
        assertThat(list()).contains("not authorized");
    }

    private String list() throws IOException, InterruptedException {
        return karaf.client("gatepass-client:list").output();
    }

    private String synchronised() {
        return String.format(SYNCHRONISED, karaf.httpPort());
    }

    private int awaitLogCount(String line, int atLeast) throws IOException {
        await("'" + line + "' " + atLeast + " times in karaf.log").atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(500)).until(() -> count(line) >= atLeast);
        return count(line);
    }

    private int count(String line) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String content = Files.readString(log);
        int found = 0;
        for (int at = content.indexOf(line); at >= 0; at = content.indexOf(line, at + 1)) {
            found++;
        }
        return found;
    }

    private String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, output).isTrue();
        secrets.add(matcher.group());
        return matcher.group();
    }
}
