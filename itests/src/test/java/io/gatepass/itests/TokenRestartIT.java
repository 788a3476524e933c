package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens generated with bin/client keep working across a restart and a kill -9, and no token,
 * secret or password of the whole scenario ends up in the logs or the store files.
 */
class TokenRestartIT {

    private static final String PASSWORD = "E2e-Pw-7f3k9q";
    private static final Pattern ACCESS = Pattern.compile("gpat_[A-Za-z0-9_-]{49}");
    private static final Pattern REFRESH = Pattern.compile("gprt_[A-Za-z0-9_-]{49}");
    private static final Pattern SECRET = Pattern.compile("gpcs_[A-Za-z0-9_-]{49}");

    private KarafProcess karaf;
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD));

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("gatepass.distribution")),
            Path.of("target/e2e/tokens-" + System.nanoTime()));
        // A user of the realm with a password that cannot be mistaken for anything else in a log.
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            "\ne2e-user = " + PASSWORD + ",viewer\n", StandardOpenOption.APPEND);
    }

    @AfterEach
    void stop() throws Exception {
        karaf.close();
    }

    @Test
    void tokensSurviveARestartAndAKillAndNoSecretIsWrittenAnywhere() throws Exception {
        karaf.start();
        String clientSecret = find(SECRET, karaf.client("app:register --enable e2e-tokens").output());
        String generated = karaf.client("token:generate --password " + PASSWORD + " e2e-tokens e2e-user").output();
        String access = find(ACCESS, generated);
        String refresh = find(REFRESH, generated);
        karaf.client("token:generate --password wrong-" + PASSWORD + " e2e-tokens e2e-user");

        karaf.stop();
        karaf.start();

        assertActive(access);
        String refreshed = refreshInATerminal(refresh, clientSecret);
        String newAccess = find(ACCESS, refreshed);
        String newRefresh = find(REFRESH, refreshed);
        assertThat(karaf.client("token:inspect " + refresh).output()).contains("Active:          no");

        karaf.kill();
        karaf.start();

        assertActive(newAccess);
        String again = refreshInATerminal(newRefresh, clientSecret);
        find(ACCESS, again);
        karaf.client("token:revoke --app e2e-tokens --force");
        karaf.stop();

        assertThat(SecretScan.findings(karaf.home(), List.of(karaf.home().resolve("data/log"),
            karaf.home().resolve("data/gatepass")), secrets)).as("logs and store").isEmpty();
    }

    private String refreshInATerminal(String refreshToken, String clientSecret) throws Exception {
        return karaf.converse("@root()>", "token:refresh e2e-tokens", "Refresh token:", refreshToken,
            "Client secret of 'e2e-tokens':", clientSecret);
    }

    private void assertActive(String token) throws Exception {
        assertThat(karaf.client("token:inspect " + token).output()).contains("Active:          yes");
    }

    private String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, output).isTrue();
        secrets.add(matcher.group());
        return matcher.group();
    }
}
