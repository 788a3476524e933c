package io.gatepass.examples.syncconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

import io.gatepass.client.ConnectionStatus;
import io.gatepass.client.ManagedToken;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemsSyncTest {

    private HttpServer server;
    private volatile String answer = "{\"user\":\"sync-user\",\"items\":[{\"id\":1},{\"id\":2},{\"id\":3}]}";

    private final ManagedToken token = new ManagedToken() {
        @Override
        public String connection() {
            return "example";
        }

        @Override
        public String accessToken() {
            return "gpat_test";
        }

        @Override
        public String freshAccessToken(String rejected) {
            return "gpat_test";
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
            boolean authorized = "Bearer gpat_test".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ItemsSync sync() {
        return new ItemsSync(token, HttpClient.newHttpClient(),
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/items"));
    }

    @Test
    void itCountsTheItemsReadWithTheBearerToken() throws Exception {
        assertThat(sync().run()).isEqualTo(new ItemsSync.Outcome(3, "sync-user"));
    }

    @Test
    void anAnswerWithoutItemsIsAnError() {
        answer = "{\"error\":\"nope\"}";

        assertThatThrownBy(() -> sync().run()).isInstanceOf(IOException.class)
            .hasMessageEndingWith("/data/items answered no item list");
    }
}
