package io.gatepass.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.gatepass.client.BearerRequests;
import io.gatepass.client.ConnectionStatus;
import io.gatepass.client.ManagedToken;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerRequestsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile Set<String> accepted = Set.of("Bearer fresh");
    private HttpServer server;
    private URI uri;

    /** Hands out "stale" first, and "fresh" once told a token was rejected. */
    private final ManagedToken token = new ManagedToken() {
        private volatile String current = "stale";

        @Override
        public String connection() {
            return "crm";
        }

        @Override
        public String accessToken() {
            return current;
        }

        @Override
        public String freshAccessToken(String rejected) {
            seen.add("fresh instead of " + rejected);
            current = "fresh";
            return current;
        }

        @Override
        public ConnectionStatus status() {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/items", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            List<String> all = exchange.getRequestHeaders().get("Authorization");
            seen.add(exchange.getRequestMethod() + " " + all + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = accepted.contains(authorization) ? 200 : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/items");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a401IsRetriedOnceWithAFreshTokenAndTheSameBody() throws Exception {
        BearerRequests requests = new BearerRequests(token, HttpClient.newHttpClient());

        HttpResponse<Void> response = requests.send(HttpRequest.newBuilder(uri).header("Authorization", "Basic x")
            .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("POST [Bearer stale] {\"n\":1}", "fresh instead of stale",
            "POST [Bearer fresh] {\"n\":1}");
    }

    @Test
    void aSecond401IsTheCallersAnswer() throws Exception {
        accepted = Set.of();
        BearerRequests requests = new BearerRequests(token, HttpClient.newHttpClient());

        HttpResponse<Void> response = requests.send(HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(seen).hasSize(3);
    }

    @Test
    void anAcceptedTokenIsSentOnce() throws Exception {
        accepted = Set.of("Bearer stale");
        BearerRequests requests = new BearerRequests(token, HttpClient.newHttpClient());

        assertThat(requests.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("GET [Bearer stale] ");
    }
}
