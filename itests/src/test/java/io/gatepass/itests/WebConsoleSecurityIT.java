package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Client Apps tab over plain HTTP, as a forged request or a lesser user would reach it:
 * state changes need the session's CSRF token, only the web console's admin role gets in, and
 * answers are never cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebConsoleSecurityIT {

    private static final String VIEWER = "console-viewer";
    private static final String VIEWER_PASSWORD = "Viewer-Pw-9d2k";
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([A-Za-z0-9_-]{43})\"");

    private KarafProcess karaf;
    private String tab;

    @BeforeAll
    void startKaraf() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("gatepass.distribution")),
            Path.of("target/e2e/console-security-" + System.nanoTime()));
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            "\n" + VIEWER + " = " + VIEWER_PASSWORD + ",viewer\n", StandardOpenOption.APPEND);
        karaf.start();
        tab = "http://127.0.0.1:" + karaf.httpPort() + "/system/console/gatepass";
        Session admin = new Session("karaf", "karaf");
        await("the Client Apps tab").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
            .until(() -> admin.get("").statusCode() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void aStateChangingRequestWithoutTheSessionsCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        Session admin = new Session("karaf", "karaf");
        String token = admin.csrfToken();

        HttpResponse<String> without = admin.post("register.json", "{\"id\": \"forged\"}", null);
        HttpResponse<String> wrong =
            admin.post("register.json", "{\"id\": \"forged\"}", "x" + token.substring(1));
        HttpResponse<String> otherSession = new Session("karaf", "karaf")
            .post("register.json", "{\"id\": \"forged\"}", token);

        for (HttpResponse<String> refused : List.of(without, wrong, otherSession)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"error\":\"csrf_token_invalid\","
                + "\"message\":\"This request lacks the security token of the page: reload the page and"
                + " try again. Nothing was changed.\",\"field\":null}");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        }
        assertThat(admin.get("apps.json").body()).doesNotContain("forged");
        assertThat(karaf.client("app:list --no-format").output()).doesNotContain("forged");

        HttpResponse<String> withToken = admin.post("register.json", "{\"id\": \"forged\"}", token);

        assertThat(withToken.statusCode()).as("the same request with the token").isEqualTo(200);
        assertThat(admin.get("apps.json").body()).contains("\"id\":\"forged\"");
    }

    @Test
    void aGetCannotChangeState() throws Exception {
        Session admin = new Session("karaf", "karaf");

        HttpResponse<String> answer = admin.get("register.json?id=by-get");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(admin.get("apps.json").body()).doesNotContain("by-get");
    }

    @Test
    void aUserWithoutTheAdminRoleNeverReachesTheTab() throws Exception {
        Session viewer = new Session(VIEWER, VIEWER_PASSWORD);
        Session nobody = new Session(null, null);
        Session wrongPassword = new Session("karaf", "not-karaf");

        for (Session refused : List.of(viewer, nobody, wrongPassword)) {
            assertThat(refused.get("").statusCode()).isEqualTo(401);
            assertThat(refused.get("apps.json").statusCode()).isEqualTo(401);
            HttpResponse<String> post = refused.post("register.json", "{\"id\": \"by-viewer\"}", null);
            assertThat(post.statusCode()).isEqualTo(401);
            assertThat(post.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic"));
            assertThat(post.body()).doesNotContain("apps");
        }
        assertThat(new Session("karaf", "karaf").get("apps.json").body()).doesNotContain("by-viewer");
    }

    @Test
    void answersThatCarrySecretsAndThePageItselfMayNotBeStored() throws Exception {
        Session admin = new Session("karaf", "karaf");
        String token = admin.csrfToken();

        HttpResponse<String> page = admin.get("");
        HttpResponse<String> registered =
            admin.post("register.json", "{\"id\": \"no-store\", \"enabled\": true}", token);
        HttpResponse<String> tokens = admin.post("generate-tokens.json",
            "{\"appId\": \"no-store\", \"username\": \"karaf\", \"password\": \"karaf\"}", token);

        assertThat(registered.body()).contains("\"secret\":\"gpcs_");
        assertThat(tokens.body()).contains("\"accessToken\":\"gpat_");
        for (HttpResponse<String> answer : List.of(page, registered, tokens)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    /** One browser-like session: its cookies, and HTTP Basic credentials on every request. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
        private final String authorization;

        Session(String user, String password) {
            authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /** @return the CSRF token the page of this session carries */
        String csrfToken() throws Exception {
            Matcher matcher = CSRF.matcher(get("").body());
            assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
            return matcher.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, String csrfToken) throws Exception {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrfToken != null) {
                request.header("X-Gatepass-Csrf", csrfToken);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            URI uri = URI.create(tab + (path.isEmpty() ? "" : "/" + path));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            return authorization == null ? request : request.header("Authorization", authorization);
        }
    }
}
