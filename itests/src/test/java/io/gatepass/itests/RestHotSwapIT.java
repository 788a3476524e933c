package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connector keeps refreshing and calling the protected example endpoint while the rest and
 * tokens bundles are updated under it. Requests may meet a moment of 404 or 503 and are retried;
 * a refresh answered 200 must never be lost, so the connector's newest tokens work afterwards and
 * no refresh is ever refused.
 */
@ExtendWith(GatepassServer.Shared.class)
class RestHotSwapIT {

    /** Answers that mean "not there for a moment, try again". */
    private static final Set<Integer> RETRY = Set.of(404, 503);

    @Test
    void refreshesAndProtectedCallsSurviveAnUpdateOfTheRestAndTokensBundles(GatepassServer server) throws Exception {
        String secret = server.registerApp("swap-connector", false);
        JsonNode first = server.generateTokens("swap-connector", GatepassServer.VIEWER,
            GatepassServer.VIEWER_PASSWORD, List.of());
        Connector connector = new Connector(server, GatepassServer.basic("swap-connector", secret),
            first.get("access_token").asText(), first.get("refresh_token").asText());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        loop.scheduleWithFixedDelay(connector::step, 0, 20, TimeUnit.MILLISECONDS);
        try {
            awaitRounds(connector, 3);
            for (String bundle : List.of("gatepass-rest", "gatepass-tokens")) {
                KarafProcess.Result update = server.karaf().client("bundle:update " + bundle);
                assertThat(update.exitCode()).as(update.output()).isZero();
                awaitRounds(connector, connector.rounds() + 5);
            }
        } finally {
            loop.shutdown();
            assertThat(loop.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(connector.unexpected()).as("answers a connector cannot retry").isEmpty();
        System.out.printf("Connector: %d rounds, %d answers retried during the updates%n", connector.rounds(),
            connector.retried());
        HttpResponse<String> refreshed = connector.refresh();
        assertThat(refreshed.statusCode()).as("the newest refresh token: %s", refreshed.body()).isEqualTo(200);
        HttpResponse<String> data = connector.callData(GatepassServer.json(refreshed).get("access_token").asText());
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(GatepassServer.json(data).get("user").asText()).isEqualTo(GatepassServer.VIEWER);
    }

    private static void awaitRounds(Connector connector, int rounds) {
        await("the connector completes " + rounds + " rounds").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> connector.rounds() >= rounds || !connector.unexpected().isEmpty());
        assertThat(connector.unexpected()).as("answers a connector cannot retry").isEmpty();
    }

    /**
     * What a connector does: refresh, then call the data endpoint with the new access token, and
     * again. Each step is one request; a step that meets a retryable answer is tried again next time.
     */
    private static final class Connector {

        private final GatepassServer server;
        private final String client;
        private volatile String accessToken;
        private volatile String refreshToken;
        private volatile boolean refreshed;
        private final AtomicInteger rounds = new AtomicInteger();
        private final AtomicInteger retried = new AtomicInteger();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();

        Connector(GatepassServer server, String client, String accessToken, String refreshToken) {
            this.server = server;
            this.client = client;
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
        }

        void step() {
            if (!unexpected.isEmpty()) {
                return;
            }
            try {
                if (refreshed) {
                    callDataStep();
                } else {
                    refreshStep();
                }
            } catch (IOException e) {
                // The server was not there (connection refused or closed): tried again next step.
                retried.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void refreshStep() throws IOException, InterruptedException {
            HttpResponse<String> response = refresh();
            if (response.statusCode() == 200) {
                JsonNode pair = GatepassServer.json(response);
                accessToken = pair.get("access_token").asText();
                refreshToken = pair.get("refresh_token").asText();
                refreshed = true;
            } else if (RETRY.contains(response.statusCode())) {
                retried.incrementAndGet();
            } else {
                unexpected.add("refresh: " + response.statusCode() + " " + response.body());
            }
        }

        private void callDataStep() throws IOException, InterruptedException {
            HttpResponse<String> response = callData(accessToken);
            if (response.statusCode() == 200) {
                refreshed = false;
                rounds.incrementAndGet();
            } else if (RETRY.contains(response.statusCode())) {
                retried.incrementAndGet();
            } else {
                unexpected.add("data: " + response.statusCode() + " " + response.body());
            }
        }

        HttpResponse<String> refresh() throws IOException, InterruptedException {
            return server.postForm("/gatepass/oauth/token", client, "grant_type=refresh_token&refresh_token="
                + refreshToken);
        }

        HttpResponse<String> callData(String token) throws IOException, InterruptedException {
            return server.send(server.request("/data/items").header("Authorization", "Bearer " + token).GET());
        }

        int rounds() {
            return rounds.get();
        }

        int retried() {
            return retried.get();
        }

        List<String> unexpected() {
            return unexpected;
        }
    }
}
