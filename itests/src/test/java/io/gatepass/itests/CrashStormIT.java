package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Storms of generate, refresh and revoke over HTTP, interrupted by a kill -9 of Karaf and by
 * {@code bundle:update} of every Gatepass bundle: whatever the server acknowledged holds
 * afterwards. Every acknowledged token still works, every acknowledged revocation still holds,
 * and no refresh token rotated away works again. Operations whose answer never came are not
 * judged: the server may or may not have done them.
 */
class CrashStormIT {

    private static final int CALLERS = 4;
    private static final String APP = "storm";
    private static final List<String> BUNDLES =
        List.of("gatepass-store", "gatepass-registry", "gatepass-tokens", "gatepass-rest");

    private GatepassServer server;
    private String basic;
    private final AtomicInteger acknowledged = new AtomicInteger();

    /** One grant as a caller saw it; only its own caller touches it. */
    private static final class Seen {
        String access;
        String refresh;
        final List<String> rotated = new ArrayList<>();
        boolean revoked;
        /** An operation on it got no answer: its state is unknown. */
        boolean uncertain;
    }

    @BeforeEach
    void start() throws Exception {
        // Thousands of introspections of inactive tokens from 127.0.0.1 are this test's point, not guessing.
        server = GatepassServer.start("storm", 1_000_000);
        basic = GatepassServer.basic(APP, server.registerApp(APP, false));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void nothingAcknowledgedIsLostToAKillOrToBundleUpdatesDuringAStorm() throws Exception {
        List<List<Seen>> kill = storm(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 300);
            server.karaf().kill();
        });
        int acknowledgedBeforeKill = acknowledged.get();
        server.karaf().start();
        int checkedAfterKill = verify(kill);
        System.out.printf("CrashStormIT: kill -9 after %d acknowledged operations; %d grants judged%n",
            acknowledgedBeforeKill, checkedAfterKill);

        acknowledged.set(0);
        List<List<Seen>> updates = storm(() -> {
            for (String bundle : BUNDLES) {
                int before = acknowledged.get();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= before + 50);
                assertThat(server.karaf().client("bundle:update " + bundle).exitCode()).as(bundle).isZero();
            }
            int before = acknowledged.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= before + 50);
        });
        int checkedAfterUpdates = verify(updates);
        System.out.printf("CrashStormIT: %d operations acknowledged across updates of %s; %d grants judged%n",
            acknowledged.get(), BUNDLES, checkedAfterUpdates);

        assertThat(checkedAfterKill).isGreaterThan(20);
        assertThat(checkedAfterUpdates).isGreaterThan(20);
    }

    /** Runs the callers until the disruption has happened, then a moment longer. */
    private List<List<Seen>> storm(Disruption disruption) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<List<Seen>>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(callers.submit(() -> caller(running)));
        }
        try {
            disruption.happen();
        } finally {
            running.set(false);
            callers.shutdown();
        }
        List<List<Seen>> seen = new ArrayList<>();
        for (Future<List<Seen>> result : results) {
            seen.add(result.get());
        }
        return seen;
    }

    private interface Disruption {
        void happen() throws Exception;
    }

    private List<Seen> caller(AtomicBoolean running) {
        List<Seen> grants = new ArrayList<>();
        while (running.get()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Seen> live = grants.stream().filter(g -> !g.revoked && !g.uncertain).toList();
            int dice = random.nextInt(10);
            if (live.size() < 3 || dice < 2) {
                generate(grants);
            } else if (dice < 9) {
                refresh(live.get(random.nextInt(live.size())));
            } else {
                revoke(live.get(random.nextInt(live.size())));
            }
        }
        return grants;
    }

    private void generate(List<Seen> grants) {
        try {
            HttpResponse<String> response = server.admin("POST", "/apps/" + APP + "/tokens",
                "{\"username\":\"" + GatepassServer.VIEWER + "\",\"password\":\"" + GatepassServer.VIEWER_PASSWORD
                    + "\"}");
            if (response.statusCode() == 201) {
                JsonNode pair = GatepassServer.json(response);
                Seen grant = new Seen();
                grant.access = pair.get("access_token").asText();
                grant.refresh = pair.get("refresh_token").asText();
                grants.add(grant);
                acknowledged.incrementAndGet();
            }
        } catch (IOException | InterruptedException | RuntimeException noAnswer) {
            // Generated or not, nobody holds its tokens: nothing to judge.
        }
    }

    private void refresh(Seen grant) {
        try {
            HttpResponse<String> response = server.postForm("/gatepass/oauth/token", basic,
                "grant_type=refresh_token&refresh_token=" + encode(grant.refresh));
            if (response.statusCode() == 200) {
                JsonNode pair = GatepassServer.json(response);
                grant.rotated.add(grant.refresh);
                grant.access = pair.get("access_token").asText();
                grant.refresh = pair.get("refresh_token").asText();
                acknowledged.incrementAndGet();
            } else {
                judgeRefusal("refresh", response, grant);
            }
        } catch (IOException | InterruptedException noAnswer) {
            grant.uncertain = true;
        }
    }

    private void revoke(Seen grant) {
        try {
            HttpResponse<String> response = server.postForm("/gatepass/oauth/revoke", basic,
                "token=" + encode(ThreadLocalRandom.current().nextBoolean() ? grant.access : grant.refresh));
            if (response.statusCode() == 200) {
                grant.revoked = true;
                acknowledged.incrementAndGet();
            } else {
                judgeRefusal("revoke", response, grant);
            }
        } catch (IOException | InterruptedException noAnswer) {
            grant.uncertain = true;
        }
    }

    /**
     * A 400 for a grant whose every operation was acknowledged means the server forgot one: a
     * failure. Anything else (404 or 503 while a bundle is replaced) was not done, or may have been.
     */
    private static void judgeRefusal(String operation, HttpResponse<String> response, Seen grant) {
        if (response.statusCode() == 400) {
            throw new AssertionError(operation + " of an acknowledged token answered 400: " + response.body());
        }
        grant.uncertain = true;
    }

    /** @return how many grants were judged */
    private int verify(List<List<Seen>> seen) throws Exception {
        await("the token endpoints after the disruption").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> server.postForm("/gatepass/oauth/introspect", basic, "token=gpat_x").statusCode() == 200);
        int judged = 0;
        for (List<Seen> grants : seen) {
            for (Seen grant : grants) {
                if (grant.uncertain) {
                    continue;
                }
                judged++;
                assertThat(active(grant.access)).as("acknowledged access token").isEqualTo(!grant.revoked);
                assertThat(active(grant.refresh)).as("acknowledged refresh token").isEqualTo(!grant.revoked);
                for (String rotated : grant.rotated) {
                    assertThat(active(rotated)).as("refresh token rotated away").isFalse();
                }
            }
        }
        for (List<Seen> grants : seen) {
            for (Seen grant : grants) {
                // Two generations back: past the one retry a client that lost an answer is allowed.
                if (!grant.uncertain && grant.rotated.size() >= 2) {
                    String old = grant.rotated.get(grant.rotated.size() - 2);
                    HttpResponse<String> replay = server.postForm("/gatepass/oauth/token", basic,
                        "grant_type=refresh_token&refresh_token=" + encode(old));
                    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
                    assertThat(GatepassServer.json(replay).get("error").asText()).isEqualTo("invalid_grant");
                }
            }
        }
        return judged;
    }

    private boolean active(String token) throws Exception {
        HttpResponse<String> response = server.postForm("/gatepass/oauth/introspect", basic,
            "token=" + encode(token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GatepassServer.json(response).get("active").asBoolean();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
