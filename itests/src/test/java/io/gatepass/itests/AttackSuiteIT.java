package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.spi.PrefixedSecret;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the running distribution, each with the exact answer it gets: replayed and raced
 * refresh tokens, tokens of other apps, forged tokens of every shape, password and secret
 * guessing, hostile app ids and names. Every attack that fails requests comes from a loopback
 * address of its own (127.0.66.x), so that the per-address throttle of the shared server never
 * counts it against the other tests at 127.0.0.1. The last test checks that nothing secret these
 * attacks sent or received ended up in the server's log or store files.
 */
@ExtendWith(GatepassServer.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackSuiteIT {

    private static final String TOKEN = "/gatepass/oauth/token";
    private static final String REVOKE = "/gatepass/oauth/revoke";
    private static final String INTROSPECT = "/gatepass/oauth/introspect";
    private static final String ITEMS = "/data/items";

    private static final String REUSE_DETECTED = "{\"error\":\"invalid_grant\",\"error_description\":"
        + "\"The refresh token was already used; its grant has been revoked in case the token was"
        + " stolen. Generate new tokens for the app.\"}";
    private static final String REUSED_AFTER_REVOCATION = "{\"error\":\"invalid_grant\","
        + "\"error_description\":\"The refresh token was already used, and its grant has been revoked.\"}";
    private static final String MALFORMED_GRANT = "{\"error\":\"invalid_grant\",\"error_description\":"
        + "\"The refresh token is malformed.\"}";
    private static final String TOO_LARGE = "{\"error\":\"invalid_request\",\"error_description\":"
        + "\"The request body is larger than 16384 bytes.\"}";
    private static final String INACTIVE = "{\"active\":false}";
    private static final String NOT_ACCEPTED = "The access token is not accepted: ";
    private static final String MALFORMED =
        "the token is malformed: wrong prefix, length, characters or checksum.";
    private static final String BASIC_CHALLENGE = "Basic realm=\"gatepass\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every token, secret and password this class sent or received; see the last test. */
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private GatepassServer server;

    @BeforeEach
    void server(GatepassServer server) {
        this.server = server;
        USED.add(GatepassServer.ATTACKED_PASSWORD);
    }

    /** A confidential app and its secret. */
    private record App(String id, String secret) {

        String basic() {
            return GatepassServer.basic(id, secret);
        }
    }

    private App app(String id) throws Exception {
        String secret = server.registerApp(id, false);
        USED.add(secret);
        return new App(id, secret);
    }

    /** A new pair for the app, acting as the user only this class uses. */
    private JsonNode pair(App app) throws Exception {
        return remember(server.generateTokens(app.id(), GatepassServer.ATTACKED,
            GatepassServer.ATTACKED_PASSWORD, List.of()));
    }

    private static JsonNode remember(JsonNode pair) {
        USED.add(pair.get("access_token").asText());
        USED.add(pair.get("refresh_token").asText());
        return pair;
    }

    private static InetAddress attacker(int host) throws IOException {
        return InetAddress.getByName("127.0.66." + host);
    }

    private RawHttp.Answer form(InetAddress from, String path, String authorization, String form)
        throws IOException {
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded"));
        if (authorization != null) {
            headers.add("Authorization: " + authorization);
        }
        return RawHttp.send(from, server.httpPort(), "POST", path, headers,
            form.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Answer refresh(InetAddress from, App app, String refreshToken) throws IOException {
        return form(from, TOKEN, app.basic(),
            "grant_type=refresh_token&refresh_token=" + encoded(refreshToken));
    }

    private RawHttp.Answer revoke(InetAddress from, App app, String token) throws IOException {
        return form(from, REVOKE, app.basic(), "token=" + encoded(token));
    }

    private RawHttp.Answer introspect(InetAddress from, App app, String token) throws IOException {
        return form(from, INTROSPECT, app == null ? null : app.basic(), "token=" + encoded(token));
    }

    private RawHttp.Answer bearer(InetAddress from, String path, String token) throws IOException {
        return RawHttp.send(from, server.httpPort(), "GET", path, List.of("Authorization: Bearer " + token),
            null);
    }

    /** POST apps/{id}/tokens as the administrator, from the given address. */
    private RawHttp.Answer generate(InetAddress from, String appId, String username, String password)
        throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("username", username, "password", password));
        return RawHttp.send(from, server.httpPort(), "POST", "/gatepass/api/admin/apps/" + appId + "/tokens",
            List.of("Authorization: " + GatepassServer.adminBasic(), "Content-Type: application/json"), body);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(RawHttp.Answer answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static void assertAnswer(RawHttp.Answer answer, int status, String body) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).isEqualTo(body);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    /** RFC 6750: the error in the body and in the challenge, with the same description. */
    private static void assertBearerError(RawHttp.Answer answer, int status, String error,
                                          String description) {
        assertAnswer(answer, status,
            "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"gatepass\", error=\"" + error
            + "\", error_description=\"" + description + "\"");
    }

    private void assertServesTheData(InetAddress from, String accessToken, String appId) throws IOException {
        RawHttp.Answer data = bearer(from, ITEMS, accessToken);

        assertThat(data.status()).as(data.body()).isEqualTo(200);
        assertThat(data.body()).startsWith("{\"user\":\"" + GatepassServer.ATTACKED + "\",\"app\":\"" + appId
            + "\",\"roles\":[\"viewer\"],\"viewer\":true,\"items\":[");
    }

    private JsonNode grant(JsonNode pair) throws Exception {
        return GatepassServer.json(server.admin("GET", "/grants/" + pair.get("grant_id").asText(), null));
    }

    private List<String> auditEvents(String appId) throws Exception {
        JsonNode entries = GatepassServer.json(server.admin("GET", "/audit?app=" + appId, null));
        List<String> events = new ArrayList<>();
        entries.forEach(entry -> events.add(entry.get("event").asText()));
        return events;
    }

    @Test
    void aRotatedRefreshTokenReplayedAfterTheNewAccessTokenWasUsedRevokesTheWholeGrant() throws Exception {
        InetAddress from = attacker(1);
        App app = app("attack-replay");
        JsonNode first = pair(app);
        RawHttp.Answer rotation = refresh(from, app, first.get("refresh_token").asText());
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        JsonNode second = remember(json(rotation));
        assertServesTheData(from, second.get("access_token").asText(), app.id());

        RawHttp.Answer replay = refresh(from, app, first.get("refresh_token").asText());

        assertAnswer(replay, 400, REUSE_DETECTED);
        assertBearerError(bearer(from, ITEMS, second.get("access_token").asText()), 401, "invalid_token",
            NOT_ACCEPTED + "the token has been revoked.");
        assertBearerError(bearer(from, ITEMS, first.get("access_token").asText()), 401, "invalid_token",
            NOT_ACCEPTED + "the token has been revoked.");
        assertAnswer(refresh(from, app, second.get("refresh_token").asText()), 400, "{\"error\":"
            + "\"invalid_grant\",\"error_description\":\"The refresh token cannot be used: the token has"
            + " been revoked.\"}");
        JsonNode grant = grant(first);
        assertThat(grant.get("status").asText()).isEqualTo("revoked");
        assertThat(grant.get("revocation").asText()).isEqualTo("refresh token reused");
        assertThat(auditEvents(app.id())).containsExactly("REUSE_DETECTED", "REFRESHED", "ISSUED");
    }

    @Test
    void fiftyParallelRefreshesOfOneRefreshTokenGiveOnePairAndRevokeTheGrantAsAReuse() throws Exception {
        InetAddress from = attacker(2);
        App app = app("attack-parallel");
        JsonNode pair = pair(app);
        String refreshToken = pair.get("refresh_token").asText();
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<RawHttp.Answer> answers = new ArrayList<>();
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<RawHttp.Answer>> pending = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                pending.add(pool.submit(() -> {
                    gate.await();
                    return refresh(from, app, refreshToken);
                }));
            }

            gate.countDown();

            for (Future<RawHttp.Answer> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<RawHttp.Answer> granted = answers.stream().filter(answer -> answer.status() == 200).toList();
        List<RawHttp.Answer> refused = answers.stream().filter(answer -> answer.status() != 200).toList();
        assertThat(granted).hasSize(1);
        JsonNode winner = remember(json(granted.get(0)));
        assertThat(refused).hasSize(callers - 1).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        });
        Map<String, Long> bodies = refused.stream()
            .collect(Collectors.groupingBy(RawHttp.Answer::body, Collectors.counting()));
        assertThat(bodies).containsOnly(Map.entry(REUSE_DETECTED, 1L),
            Map.entry(REUSED_AFTER_REVOCATION, (long) callers - 2));
        assertBearerError(bearer(from, ITEMS, winner.get("access_token").asText()), 401, "invalid_token",
            NOT_ACCEPTED + "the token has been revoked.");
        JsonNode grant = grant(pair);
        assertThat(grant.get("status").asText()).isEqualTo("revoked");
        assertThat(grant.get("revocation").asText()).isEqualTo("refresh token reused");
        assertThat(auditEvents(app.id())).containsExactly("REUSE_DETECTED", "REFRESHED", "ISSUED");
    }

    @Test
    void aRefreshTokenOfAnotherAppIsInvalidGrantAndKeepsWorkingForItsOwnApp() throws Exception {
        InetAddress from = attacker(3);
        App thief = app("attack-grant-thief");
        App owner = app("attack-grant-owner");
        JsonNode theirs = pair(owner);

        RawHttp.Answer stolen = refresh(from, thief, theirs.get("refresh_token").asText());

        assertAnswer(stolen, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token was issued to another client app.\"}");
        assertServesTheData(from, theirs.get("access_token").asText(), owner.id());
        RawHttp.Answer ownRefresh = refresh(from, owner, theirs.get("refresh_token").asText());
        assertThat(ownRefresh.status()).as(ownRefresh.body()).isEqualTo(200);
        assertServesTheData(from, remember(json(ownRefresh)).get("access_token").asText(), owner.id());
    }

    @Test
    void revokingAnotherAppsTokensIsRefusedAndTheyKeepWorking() throws Exception {
        InetAddress from = attacker(4);
        App thief = app("attack-revoke-thief");
        App owner = app("attack-revoke-owner");
        JsonNode theirs = pair(owner);
        String refused = "{\"error\":\"unauthorized_client\",\"error_description\":\"The token was issued to"
            + " another client app; an app can revoke only its own tokens.\"}";

        RawHttp.Answer byRefreshToken = revoke(from, thief, theirs.get("refresh_token").asText());
        RawHttp.Answer byAccessToken = revoke(from, thief, theirs.get("access_token").asText());

        assertAnswer(byRefreshToken, 400, refused);
        assertAnswer(byAccessToken, 400, refused);
        assertThat(grant(theirs).get("status").asText()).isEqualTo("active");
        assertServesTheData(from, theirs.get("access_token").asText(), owner.id());
        RawHttp.Answer ownRefresh = refresh(from, owner, theirs.get("refresh_token").asText());
        assertThat(ownRefresh.status()).as(ownRefresh.body()).isEqualTo(200);
        remember(json(ownRefresh));
    }

    /** Tokens of every broken shape, made from a real one; the last is a megabyte long. */
    private static Map<String, String> forgeriesOf(String token) {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("garbage", "this-is-no-token-at-all");
        forged.put("markup", "<script>alert(1)</script>");
        forged.put("truncated", token.substring(0, token.length() - 1));
        forged.put("bit-flipped", bitFlipped(token));
        forged.put("wrong prefix", "gpcs_" + token.substring(5));
        forged.put("NUL inside", token.substring(0, 20) + '\0' + token.substring(21));
        forged.put("1 MB", token + "A".repeat(1 << 20));
        USED.add(forged.get("truncated"));
        USED.add(forged.get("bit-flipped"));
        USED.add(forged.get("wrong prefix"));
        return forged;
    }

    /** @return the token with the lowest bit of one character flipped, still a token character */
    private static String bitFlipped(String token) {
        char[] chars = token.toCharArray();
        for (int i = 10; i < chars.length; i++) {
            char flipped = (char) (chars[i] ^ 1);
            if (flipped < 128 && Character.isLetterOrDigit(flipped)) {
                chars[i] = flipped;
                return new String(chars);
            }
        }
        throw new IllegalStateException("no character of the token can be flipped into another");
    }

    @Test
    void forgedAccessTokensAreRefusedAtTheProtectedEndpointWithTheExactAnswerAndNeverAServerError()
        throws Exception {
        InetAddress from = attacker(5);
        App app = app("attack-forged-bearer");
        String access = pair(app).get("access_token").asText();
        Map<String, String> forged = forgeriesOf(access);
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> forgery : forged.entrySet()) {
            answers.put(forgery.getKey(), bearer(from, ITEMS, forgery.getValue()));
        }

        SoftAssertions softly = new SoftAssertions();
        for (String malformed : List.of("garbage", "truncated", "bit-flipped", "wrong prefix")) {
            softly.check(() -> assertBearerError(answers.get(malformed), 401, "invalid_token",
                NOT_ACCEPTED + MALFORMED));
        }
        softly.check(() -> assertBearerError(answers.get("markup"), 400, "invalid_request",
            "The Authorization header holds something that is not a bearer token."));
        // Jetty refuses these two before any Gatepass code runs, with its own small HTML answers.
        softly.check(() -> assertThat(answers.get("NUL inside")).extracting(RawHttp.Answer::status,
            RawHttp.Answer::body).containsExactly(400,
            "<h1>Bad Message 400</h1><pre>reason: Illegal character CNTL=0x0</pre>"));
        softly.check(() -> assertThat(answers.get("1 MB")).extracting(RawHttp.Answer::status,
            RawHttp.Answer::body).containsExactly(431,
            "<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too Large</pre>"));
        softly.assertAll();
        assertServesTheData(from, access, app.id());
    }

    @Test
    void forgedRefreshTokensAreInvalidGrantAtTheTokenEndpointAndAMegabyteIsTooLarge() throws Exception {
        InetAddress from = attacker(6);
        App app = app("attack-forged-refresh");
        JsonNode pair = pair(app);
        Map<String, String> forged = forgeriesOf(pair.get("refresh_token").asText());
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> forgery : forged.entrySet()) {
            answers.put(forgery.getKey(), refresh(from, app, forgery.getValue()));
        }

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((name, answer) -> softly.check(() -> {
            if (name.equals("1 MB")) {
                assertAnswer(answer, 413, TOO_LARGE);
            } else {
                assertAnswer(answer, 400, MALFORMED_GRANT);
            }
        }));
        softly.assertAll();
        assertThat(refresh(from, app, pair.get("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void forgedTokensAreInactiveAtIntrospectionAndAMegabyteIsTooLarge() throws Exception {
        InetAddress from = attacker(7);
        App app = app("attack-forged-introspect");
        JsonNode pair = pair(app);
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        for (String kind : List.of("access_token", "refresh_token")) {
            for (Map.Entry<String, String> forgery : forgeriesOf(pair.get(kind).asText()).entrySet()) {
                answers.put(kind + " " + forgery.getKey(), introspect(from, app, forgery.getValue()));
            }
        }

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((name, answer) -> softly.check(() -> {
            if (name.endsWith("1 MB")) {
                assertAnswer(answer, 413, TOO_LARGE);
            } else {
                assertAnswer(answer, 200, INACTIVE);
            }
        }));
        softly.assertAll();
        assertThat(json(introspect(from, app, pair.get("access_token").asText())).get("active").asBoolean())
            .isTrue();
    }

    @Test
    void aRefreshTokenOrAClientSecretUsedAsABearerTokenIs401InvalidToken() throws Exception {
        InetAddress from = attacker(8);
        App app = app("attack-wrong-kind");
        JsonNode pair = pair(app);

        RawHttp.Answer refreshToken = bearer(from, ITEMS, pair.get("refresh_token").asText());
        RawHttp.Answer refreshTokenAtWhoami = bearer(from, "/gatepass/api/whoami",
            pair.get("refresh_token").asText());
        RawHttp.Answer clientSecret = bearer(from, ITEMS, app.secret());

        String wrongKind = NOT_ACCEPTED + "the token is of the wrong kind: a refresh token where an access"
            + " token is expected, or the reverse.";
        assertBearerError(refreshToken, 401, "invalid_token", wrongKind);
        assertBearerError(refreshTokenAtWhoami, 401, "invalid_token", wrongKind);
        assertBearerError(clientSecret, 401, "invalid_token", NOT_ACCEPTED + MALFORMED);
    }

    @Test
    void introspectionWithoutClientAuthenticationIs401InvalidClientWithABasicChallenge() throws Exception {
        InetAddress from = attacker(9);
        App app = app("attack-introspect-anonymous");
        String access = pair(app).get("access_token").asText();

        RawHttp.Answer anonymous = introspect(from, null, access);
        RawHttp.Answer wrongSecret = form(from, INTROSPECT, GatepassServer.basic(app.id(), "gpcs_wrong"),
            "token=" + access);

        assertAnswer(anonymous, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client"
            + " authentication is required: send the client_id (and the client_secret of a confidential app)"
            + " with HTTP Basic or as form parameters.\"}");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo(BASIC_CHALLENGE);
        assertAnswer(wrongSecret, 401, "{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Client authentication failed for client app 'attack-introspect-anonymous'.\"}");
        assertThat(wrongSecret.header("WWW-Authenticate")).isEqualTo(BASIC_CHALLENGE);
    }

    @Test
    void aFloodOfWrongPasswordsLocksTheUserOutFromThatSourceOnlyAndForABoundedTime() throws Exception {
        InetAddress from = attacker(10);
        App app = app("attack-passwords");
        List<RawHttp.Answer> refused = new ArrayList<>();
        RawHttp.Answer locked = null;
        for (int attempt = 1; attempt <= 12 && locked == null; attempt++) {
            String wrong = "Wrong-Pw-" + attempt + "-q7z";
            USED.add(wrong);
            RawHttp.Answer answer = generate(from, app.id(), GatepassServer.ATTACKED, wrong);
            if (answer.status() == 429) {
                locked = answer;
            } else {
                refused.add(answer);
            }
        }
        Instant lockedAt = Instant.now();

        assertThat(refused).hasSizeGreaterThanOrEqualTo(6).allSatisfy(answer -> assertAnswer(answer, 400,
            "{\"error\":\"bad_credentials\",\"error_description\":\"Wrong username or password for user"
                + " 'it-attacked'.\",\"field\":\"password\"}"));
        assertThat(locked).as("a 429 within 12 wrong passwords").isNotNull();
        assertThat(locked.header("Cache-Control")).isEqualTo("no-store");
        Matcher message = Pattern.compile(Pattern.quote("{\"error\":\"locked_out\",\"error_description\":"
            + "\"Too many wrong passwords for user 'it-attacked' from http:karaf@127.0.66.10; try again after ")
            + "(\\S+Z)" + Pattern.quote(", or ask an administrator to run token:unlock it-attacked.\","
            + "\"field\":\"username\"}")).matcher(locked.body());
        assertThat(message.matches()).as(locked.body()).isTrue();
        Instant until = Instant.parse(message.group(1));
        assertThat(until).isAfter(lockedAt.minusSeconds(2)).isBefore(lockedAt.plus(Duration.ofMinutes(15)));
        assertThat(Long.parseLong(locked.header("Retry-After")))
            .isBetween(1L, Duration.between(lockedAt, until).toSeconds() + 2);

        RawHttp.Answer otherUser =
            generate(from, app.id(), GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD);
        assertThat(otherUser.status()).as(otherUser.body()).isEqualTo(201);
        remember(json(otherUser));
        pair(app); // the same user from 127.0.0.1, with the right password: 201
        AtomicReference<RawHttp.Answer> afterLockout = new AtomicReference<>();
        await("the lockout ends by itself").atMost(Duration.between(Instant.now(), until).plusSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> {
                afterLockout.set(generate(from, app.id(), GatepassServer.ATTACKED,
                    GatepassServer.ATTACKED_PASSWORD));
                return afterLockout.get().status() != 429;
            });
        assertThat(afterLockout.get().status()).as(afterLockout.get().body()).isEqualTo(201);
        remember(json(afterLockout.get()));
    }

    @Test
    void aFloodOfWrongClientSecretsIsThrottledWith429AndRetryAfterForThatAddressOnly() throws Exception {
        InetAddress from = attacker(11);
        App app = app("attack-secrets");
        JsonNode pair = pair(app);
        String refreshForm = "grant_type=refresh_token&refresh_token=" + pair.get("refresh_token").asText();
        for (int i = 1; i <= GatepassServer.THROTTLE_FAILURES; i++) {
            String guess = new String(PrefixedSecret.generate("gpcs_"));
            USED.add(guess);
            RawHttp.Answer failed = form(from, TOKEN, GatepassServer.basic(app.id(), guess), refreshForm);
            assertAnswer(failed, 401, "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"Client authentication failed for client app 'attack-secrets'.\"}");
            assertThat(failed.header("WWW-Authenticate")).isEqualTo(BASIC_CHALLENGE);
        }

        RawHttp.Answer throttled =
            form(from, TOKEN, GatepassServer.basic(app.id(), "gpcs_guess"), refreshForm);
        RawHttp.Answer rightSecretThere = form(from, TOKEN, app.basic(), refreshForm);
        RawHttp.Answer validBearerThere = bearer(from, ITEMS, pair.get("access_token").asText());

        Pattern tooMany = Pattern.compile(Pattern.quote("{\"error\":\"too_many_requests\",\"error_description\":"
            + "\"Too many failed attempts from this address; try again in ") + "(\\d+)"
            + Pattern.quote(" seconds.\"}"));
        for (RawHttp.Answer answer : List.of(throttled, rightSecretThere, validBearerThere)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(429);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            Matcher message = tooMany.matcher(answer.body());
            assertThat(message.matches()).as(answer.body()).isTrue();
            assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 60)
                .isEqualTo(Integer.parseInt(message.group(1)));
        }
        HttpResponse<String> fromElsewhere = server.postForm(TOKEN, app.basic(), refreshForm);
        assertThat(fromElsewhere.statusCode()).as(fromElsewhere.body()).isEqualTo(200);
        remember(GatepassServer.json(fromElsewhere));
    }

    @Test
    void hostileAppIdsAreRefusedWithTheRegistrysMessage() throws Exception {
        String rule =
            ": use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.";
        Map<String, String> shownAs = new LinkedHashMap<>();
        shownAs.put("<script>alert(1)</script>", "'<script>alert(1)</script>'");
        shownAs.put("o'brien\"s-app", "'o'brien\"s-app'");
        shownAs.put("../../etc/passwd", "'../../etc/passwd'");
        shownAs.put("apps\\evil", "'apps\\evil'");
        shownAs.put("p\u0430ypal", "'p\u0430ypal'");
        shownAs.put("line\nbreak", "'line\\u000abreak'");
        shownAs.put("a".repeat(64), "'" + "a".repeat(40) + "...' (64 characters)");

        for (Map.Entry<String, String> id : shownAs.entrySet()) {
            HttpResponse<String> response = server.admin("POST", "/apps",
                JSON.writeValueAsString(Map.of("id", id.getKey())));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":"
                + JSON.writeValueAsString("Invalid id " + id.getValue() + rule) + ",\"field\":\"id\"}");
        }
        HttpResponse<String> longest = server.admin("POST", "/apps",
            "{\"id\":\"" + "a".repeat(63) + "\",\"enabled\":true}");
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(201);
        USED.add(GatepassServer.json(longest).get("client_secret").asText());
        assertThat(server.admin("DELETE", "/apps/" + "a".repeat(63), null).statusCode()).isEqualTo(200);
    }

    /** An app id, a name for it, and that name as the server's JSON spells it. */
    private record HostileName(String id, String name, String json) {
    }

    @Test
    void hostileAppNamesAreStoredAndReturnedVerbatimAsJsonText() throws Exception {
        String scripts = "Z\u00fcrich \u0500ata \u65e5\u672c\u8a9e \u0395\u03bb\u03bb\u03b7\u03bd\u03b9"
            + "\u03ba\u03ac \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u202eevil ";
        List<HostileName> names = List.of(
            new HostileName("attack-name-markup", "<img src=x onerror=alert(1)>",
                "\"<img src=x onerror=alert(1)>\""),
            new HostileName("attack-name-quotes", "O'Brien \"Quoted\" & Sons; DROP TABLE apps; --",
                "\"O'Brien \\\"Quoted\\\" & Sons; DROP TABLE apps; --\""),
            new HostileName("attack-name-paths", "../../etc/passwd \\ C:\\Windows\\System32",
                "\"../../etc/passwd \\\\ C:\\\\Windows\\\\System32\""),
            new HostileName("attack-name-scripts", scripts + "\ud83d\ude80",
                "\"" + scripts + "\\uD83D\\uDE80\""),
            new HostileName("attack-name-longest", "\u540d".repeat(200), "\"" + "\u540d".repeat(200) + "\""));

        for (HostileName app : names) {
            HttpResponse<String> registered = server.admin("POST", "/apps",
                JSON.writeValueAsString(Map.of("id", app.id(), "name", app.name())));
            HttpResponse<String> read = server.admin("GET", "/apps/" + app.id(), null);

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            USED.add(GatepassServer.json(registered).get("client_secret").asText());
            assertThat(GatepassServer.json(registered).get("app").get("name").asText()).isEqualTo(app.name());
            assertThat(registered.body()).contains("\"name\":" + app.json());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
            assertThat(GatepassServer.json(read).get("name").asText()).isEqualTo(app.name());
            assertThat(read.body()).contains("\"name\":" + app.json());
        }

        HttpResponse<String> tooLong = server.admin("POST", "/apps",
            JSON.writeValueAsString(Map.of("id", "attack-name-too-long", "name", "\u540d".repeat(201))));
        HttpResponse<String> twoLines = server.admin("POST", "/apps",
            JSON.writeValueAsString(Map.of("id", "attack-name-two-lines", "name", "<b>\n</b>")));

        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Invalid name '"
            + "\u540d".repeat(40) + "...' (201 characters): use 1 to 200 characters (it has 201 after"
            + " trimming).\",\"field\":\"name\"}");
        assertThat(twoLines.statusCode()).as(twoLines.body()).isEqualTo(400);
        assertThat(twoLines.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Invalid name"
            + " '<b>\\\\u000a</b>': use one line of text without control characters such as line breaks or"
            + " tabs.\",\"field\":\"name\"}");
        for (HostileName app : names) {
            assertThat(server.admin("DELETE", "/apps/" + app.id(), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenSecretOrPasswordOfTheseAttacksIsInTheServersLogOrStoreFiles() throws Exception {
        Path home = server.karaf().home();
        Path log = home.resolve("data/log/karaf.log");
        await("the log holds the attacks").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> Files.readString(log, StandardCharsets.ISO_8859_1)
                .contains("of app 'attack-parallel' (user 'it-attacked') from 127.0.66.2: grant revoked"));

        List<String> found = SecretScan.findings(home, List.of(home.resolve("data/log"), home.resolve("data/gatepass")),
            USED);

        assertThat(USED).hasSizeGreaterThan(GatepassServer.THROTTLE_FAILURES);
        assertThat(found).isEmpty();
    }
}
