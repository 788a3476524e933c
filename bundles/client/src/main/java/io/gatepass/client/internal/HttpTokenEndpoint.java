package io.gatepass.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The refresh grant of RFC 6749 section 6 over the JDK's HTTP client: the client authenticates
 * with HTTP Basic (section 2.3.1) when it has a secret, else sends its {@code client_id}. Tokens
 * travel only in the form body and the JSON answer, never in a URL.
 */
final class HttpTokenEndpoint implements TokenEndpoint {

    /** Errors that say the tokens or the client will not work again without an administrator. */
    private static final Set<String> FOR_GOOD = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
        "unsupported_grant_type", "invalid_scope");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String appId;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    HttpTokenEndpoint(URI endpoint, String appId, Duration timeout, Clock clock) {
        this.endpoint = endpoint;
        this.appId = appId;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Answer refresh(String refreshToken, char[] clientSecret) {
        StringBuilder form = new StringBuilder("grant_type=refresh_token&refresh_token=")
            .append(encode(refreshToken));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (clientSecret.length > 0) {
            request.header("Authorization", basic(clientSecret));
        } else {
            form.append("&client_id=").append(encode(appId));
        }
        HttpResponse<String> response;
        Instant sent = clock.instant();
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unreachable("The server did not answer within " + timeout.toSeconds() + " s.", null);
        } catch (IOException e) {
            throw new Unreachable("The server could not be reached: " + describe(e) + ".", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the server.", null);
        }
        return answer(response, sent);
    }

    private Answer answer(HttpResponse<String> response, Instant sent) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 200 && body != null && body.path("access_token").isTextual()
            && body.path("refresh_token").isTextual() && body.path("expires_in").canConvertToLong()) {
            JsonNode refreshExpiresIn = body.path("refresh_token_expires_in");
            return new Answer(body.get("access_token").asText(), body.get("refresh_token").asText(),
                sent.plusSeconds(body.get("expires_in").asLong()),
                refreshExpiresIn.canConvertToLong() ? sent.plusSeconds(refreshExpiresIn.asLong()) : null);
        }
        String error = body == null ? "" : body.path("error").asText("");
        String description = body == null ? "" : body.path("error_description").asText("");
        if ((status == 400 || status == 401) && FOR_GOOD.contains(error)) {
            throw new Refused(error, "The server refused the refresh (" + error + ")"
                + (description.isEmpty() ? "." : ": " + description));
        }
        if (status == 429 || status == 503) {
            throw new Unreachable("The server is busy (HTTP " + status + ").", retryAfter(response));
        }
        throw new Unreachable("The server answered HTTP " + status
            + (error.isEmpty() ? "" : " (" + error + ")") + " where new tokens were expected.", null);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private String basic(char[] clientSecret) {
        // RFC 6749 section 2.3.1: both parts form-encoded before Base64.
        String pair = encode(appId) + ":" + URLEncoder.encode(CharBuffer.wrap(clientSecret).toString(),
            StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }
}
