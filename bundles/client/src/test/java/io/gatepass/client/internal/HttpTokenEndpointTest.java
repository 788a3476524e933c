package io.gatepass.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh grant against a small HTTP server on loopback that answers what each test sets. */
class HttpTokenEndpointTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status;
    private volatile String body;
    private volatile String retryAfter;
    private HttpTokenEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/gatepass/oauth/token", this::answer);
        server.start();
        endpoint = new HttpTokenEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
            + "/gatepass/oauth/token"), "crm sync", Duration.ofSeconds(5), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
            + exchange.getRequestHeaders().getFirst("Authorization") + " "
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aRefreshSendsTheTokenInTheBodyAndTheSecretAsBasicAndReadsThePair() {
        status = 200;
        body = "{\"access_token\":\"gpat_new\",\"refresh_token\":\"gprt_new\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600,\"refresh_token_expires_in\":7776000}";

        TokenEndpoint.Answer answer = endpoint.refresh("gprt_old", "gpcs_s+cret".toCharArray());

        assertThat(answer.accessToken()).isEqualTo("gpat_new");
        assertThat(answer.refreshToken()).isEqualTo("gprt_new");
        assertThat(answer.accessTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(answer.refreshTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(7_776_000));
        // "crm+sync:gpcs_s%2Bcret": both parts form-encoded, as RFC 6749 section 2.3.1 asks.
        assertThat(requests).containsExactly("POST /gatepass/oauth/token Basic Y3JtK3N5bmM6Z3Bjc19zJTJCY3JldA=="
            + " grant_type=refresh_token&refresh_token=gprt_old");
    }

    @Test
    void aPublicAppSendsItsIdInsteadOfASecret() {
        status = 200;
        body = "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":60}";

        assertThat(endpoint.refresh("gprt_old", new char[0]).refreshTokenExpiresAt()).isNull();
        assertThat(requests).containsExactly("POST /gatepass/oauth/token null"
            + " grant_type=refresh_token&refresh_token=gprt_old&client_id=crm+sync");
    }

    @Test
    void oauthRefusalsAreForGood() {
        status = 400;
        body = "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token cannot be used: the token has"
            + " been revoked.\"}";

        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0])).isInstanceOf(TokenEndpoint.Refused.class)
            .hasMessage("The server refused the refresh (invalid_grant): The refresh token cannot be used: the token"
                + " has been revoked.");
        status = 401;
        body = "{\"error\":\"invalid_client\"}";
        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0])).isInstanceOf(TokenEndpoint.Refused.class)
            .hasMessage("The server refused the refresh (invalid_client).");
    }

    @Test
    void busyBrokenOrUnexpectedAnswersMayPass() {
        status = 429;
        body = "{\"error\":\"slow_down\"}";
        retryAfter = "17";
        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0]))
            .isInstanceOfSatisfying(TokenEndpoint.Unreachable.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17)))
            .hasMessage("The server is busy (HTTP 429).");
        retryAfter = null;
        status = 500;
        body = "{\"error\":\"server_error\"}";
        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0]))
            .isInstanceOf(TokenEndpoint.Unreachable.class)
            .hasMessage("The server answered HTTP 500 (server_error) where new tokens were expected.");
        status = 200;
        body = "<html>proxy login</html>";
        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0]))
            .isInstanceOf(TokenEndpoint.Unreachable.class)
            .hasMessage("The server answered HTTP 200 where new tokens were expected.");
    }

    @Test
    void aServerThatIsNotThereMayComeBack() {
        server.stop(0);

        assertThatThrownBy(() -> endpoint.refresh("gprt_old", new char[0]))
            .isInstanceOf(TokenEndpoint.Unreachable.class)
            .hasMessageStartingWith("The server could not be reached: ConnectException")
            .hasMessageNotContaining("gprt_old");
    }
}
