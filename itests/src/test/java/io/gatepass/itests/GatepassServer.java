package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The built distribution running as a process, shared by the HTTP tests, with what they need:
 * a user who is only a viewer, a throttle loose enough that the error tests from 127.0.0.1 never
 * trip it (the throttle test uses an address of its own), and helpers that go through the admin
 * API as an administrator's script would.
 *
 * <p>Test classes get it as a parameter with {@code @ExtendWith(GatepassServer.Shared.class)}; it
 * starts with the first of them and stops when the whole run ends.
 */
final class GatepassServer implements AutoCloseable {

    static final String VIEWER = "it-viewer";
    static final String VIEWER_PASSWORD = "It-Viewer-Pw-4k2";
    /** A viewer only the attack suite uses: it locks this user out, and no other test may care. */
    static final String ATTACKED = "it-attacked";
    static final String ATTACKED_PASSWORD = "It-Attacked-Pw-9v5";
    static final String ADMIN = "karaf";
    static final String ADMIN_PASSWORD = "karaf";
    /** Failures an address may have in a minute in this server; see {@link #start}. */
    static final int THROTTLE_FAILURES = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KarafProcess karaf;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    private GatepassServer(KarafProcess karaf, int httpPort) {
        this.karaf = karaf;
        this.httpPort = httpPort;
    }

    /** Resolves test parameters of type {@link GatepassServer} to the one shared server. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == GatepassServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(GatepassServer.class, key -> startQuietly(), GatepassServer.class);
        }

        private static GatepassServer startQuietly() {
            try {
                return start("http");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static GatepassServer start(String name) throws IOException, InterruptedException {
        return start(name, THROTTLE_FAILURES);
    }

    /** @param throttleFailures failures an address may have in a minute before 429 */
    static GatepassServer start(String name, int throttleFailures) throws IOException, InterruptedException {
        return start(name, throttleFailures, home -> { });
    }

    /** Changes an unpacked Karaf before its first start, e.g. writes configuration files into etc/. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Path home) throws IOException;
    }

    /**
     * @param throttleFailures failures an address may have in a minute before 429
     * @param preparation what to change in the unpacked Karaf before it starts
     */
    static GatepassServer start(String name, int throttleFailures, Preparation preparation)
        throws IOException, InterruptedException {
        KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("gatepass.distribution")),
            Path.of("target/e2e/" + name + "-" + System.nanoTime()));
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            "\n" + VIEWER + " = " + VIEWER_PASSWORD + ",viewer\n", StandardOpenOption.APPEND);
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            ATTACKED + " = " + ATTACKED_PASSWORD + ",viewer\n", StandardOpenOption.APPEND);
        Files.writeString(karaf.home().resolve("etc/io.gatepass.rest.cfg"),
            "throttleFailures = " + throttleFailures + "\n");
        preparation.prepare(karaf.home());
        GatepassServer server = new GatepassServer(karaf, httpPortOf(karaf.home()));
        karaf.start();
        server.awaitEndpoints();
        return server;
    }

    /** Waits until the HTTP endpoints of Gatepass and of the example data servlet answer. */
    void awaitEndpoints() {
        await("the Gatepass HTTP endpoints answer").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> send(request("/gatepass/api/whoami").GET()).statusCode() == 401);
        await("the example data endpoint answers").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> send(request("/data/items").GET()).statusCode() == 401);
    }

    private static int httpPortOf(Path home) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(home.resolve("etc/org.ops4j.pax.web.cfg"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("org.osgi.service.http.port").trim());
    }

    KarafProcess karaf() {
        return karaf;
    }

    int httpPort() {
        return httpPort;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a form body, with an Authorization header when one is given. */
    HttpResponse<String> postForm(String path, String authorization, String form)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** Calls the admin API as the administrator. */
    HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/gatepass/api/admin" + path).header("Authorization", adminBasic())
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    static String basic(String user, String password) {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    static String adminBasic() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Registers an enabled app through the admin API.
     *
     * @return its client secret, or null for a public app
     */
    String registerApp(String id, boolean publicApp) throws IOException, InterruptedException {
        HttpResponse<String> response = admin("POST", "/apps", "{\"id\":\"" + id + "\",\"enabled\":true"
            + (publicApp ? ",\"type\":\"public\"" : "") + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode secret = json(response).get("client_secret");
        return secret == null ? null : secret.asText();
    }

    /** Generates a token pair for the app through the admin API; the answer's JSON. */
    JsonNode generateTokens(String appId, String username, String password, List<String> roles)
        throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(roles.isEmpty()
            ? Map.of("username", username, "password", password)
            : Map.of("username", username, "password", password, "roles", roles));
        HttpResponse<String> response = admin("POST", "/apps/" + appId + "/tokens", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        karaf.close();
    }
}
