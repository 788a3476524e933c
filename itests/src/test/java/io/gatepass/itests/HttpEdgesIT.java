package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hard edges: bodies over the limit, tokens in URLs, malformed input of every kind answered
 * with 400 and never 500, guessing throttled per address with 429 and Retry-After.
 */
@ExtendWith(GatepassServer.Shared.class)
class HttpEdgesIT {

    private static final String TOKEN = "/gatepass/oauth/token";
    private static final String TOO_LARGE = "{\"error\":\"invalid_request\",\"error_description\":"
        + "\"The request body is larger than 16384 bytes.\"}";

    private GatepassServer server;

    @BeforeEach
    void server(GatepassServer server) {
        this.server = server;
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, null, "refresh_token=" + "a".repeat(17_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedPastTheLimit() throws Exception {
        byte[] body = ("grant_type=refresh_token&refresh_token=" + "a".repeat(17_000)).getBytes();

        HttpResponse<String> response = server.send(server.request(TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void anAdminBodyOverTheLimitIs413Too() throws Exception {
        HttpResponse<String> response = server.admin("POST", "/apps",
            "{\"id\":\"edge-large\",\"description\":\"" + "d".repeat(17_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void tokensInTheQueryStringAreRefusedEverywhere() throws Exception {
        String refused = "{\"error\":\"invalid_request\",\"error_description\":\"Tokens must not be sent in the URL"
            + " (the query string has 'access_token'): send them in the request body or the Authorization header.\"}";

        HttpResponse<String> data = server.send(server.request("/data/items?access_token=gpat_x").GET());
        HttpResponse<String> whoami = server.send(server.request("/gatepass/api/whoami?access_token=gpat_x").GET());
        HttpResponse<String> token =
            server.postForm(TOKEN + "?client_secret=gpcs_x", null, "grant_type=refresh_token");
        HttpResponse<String> admin = server.admin("GET", "/apps?password=karaf", null);

        assertThat(data.statusCode()).isEqualTo(400);
        assertThat(data.body()).isEqualTo(refused);
        assertThat(whoami.body()).isEqualTo(refused);
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("(the query string has 'client_secret')");
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(admin.body()).contains("(the query string has 'password')");
    }

    @Test
    void aPathUnderTheBasePathThatIsNoEndpointIsAJson404() throws Exception {
        HttpResponse<String> response = server.send(server.request("/gatepass/oauth/tokens").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("{\"error\":\"not_found\",");
    }

    @Test
    void malformedInputIsAlways400NeverAServerError() throws Exception {
        List<HttpResponse<String>> responses = List.of(
            server.postForm(TOKEN, null, "grant_type=refresh_token&refresh_token=%E0%A4%A"),
            server.postForm(TOKEN, null, "grant_type=refresh_token&refresh_token=%FF%FE&client_id=x"),
            server.postForm(TOKEN, "Basic not*base64", "grant_type=refresh_token&refresh_token=gprt_a"),
            server.send(server.request(TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"))),
            server.admin("POST", "/apps", "{\"id\": [1, 2"),
            server.admin("POST", "/apps", "[]"),
            server.admin("POST", "/apps/edge-x/tokens", "{\"username\":\"karaf\",\"password\":{}}"),
            server.admin("GET", "/audit?limit=many", null),
            server.send(server.request("/gatepass/api/admin/apps").header("Authorization", "Basic %%%")
                .GET()));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 401);
            assertThat(response.body()).startsWith("{\"error\":\"");
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        });
        assertThat(responses.get(0).body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The request body is not valid form encoding: '%' must be followed by two hex digits.\"}");
        assertThat(responses.get(7).body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":"
            + "\"Invalid limit 'many': use a whole number from 1 to 10000.\",\"field\":\"limit\"}");
    }

    @Test
    void failuresFromOneAddressAreThrottledWith429AndRetryAfterWhileOtherAddressesGoOn() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.77");
        server.registerApp("edge-throttle", false);
        String wrong = GatepassServer.basic("edge-throttle", "gpcs_guess");
        for (int i = 0; i < GatepassServer.THROTTLE_FAILURES; i++) {
            RawHttp.Answer failed = RawHttp.postForm(guesser, server.httpPort(), TOKEN, wrong,
                "grant_type=refresh_token&refresh_token=gprt_guess");
            assertThat(failed.status()).as("attempt %d", i + 1).isEqualTo(401);
        }

        RawHttp.Answer throttled = RawHttp.postForm(guesser, server.httpPort(), TOKEN, wrong,
            "grant_type=refresh_token&refresh_token=gprt_guess");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        assertThat(throttled.body()).matches("\\{\"error\":\"too_many_requests\",\"error_description\":\"Too many"
            + " failed attempts from this address; try again in \\d+ seconds.\"}");
        assertThat(throttled.header("Cache-Control")).isEqualTo("no-store");
        HttpResponse<String> fromElsewhere = server.postForm(TOKEN, wrong,
            "grant_type=refresh_token&refresh_token=gprt_guess");
        assertThat(fromElsewhere.statusCode()).as("127.0.0.1 is not throttled").isEqualTo(401);
    }

    @Test
    void noLogLineHoldsATokenASecretOrAPassword() throws Exception {
        server.registerApp("edge-log", false);
        String access = server.generateTokens("edge-log", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD,
            List.of()).get("access_token").asText();
        server.send(server.request("/data/items?access_token=" + access).GET());
        server.postForm(TOKEN, GatepassServer.basic("edge-log", "gpcs_wrong"), "grant_type=refresh_token"
            + "&refresh_token=gprt_x");

        Pattern secret = Pattern.compile("gp(at|rt|cs)_[A-Za-z0-9_-]{8,}|" + GatepassServer.VIEWER_PASSWORD);
        try (Stream<Path> files = Files.walk(server.karaf().home().resolve("data/log"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher found = secret.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                boolean leaked = found.find();
                assertThat(leaked).as("%s holds %s...", file, leaked ? found.group().substring(0, 5) : "")
                    .isFalse();
            }
        }
    }
}
