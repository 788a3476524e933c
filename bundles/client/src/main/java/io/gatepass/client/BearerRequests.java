package io.gatepass.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Sends HTTP requests with the connection's current access token as {@code Authorization:
 * Bearer}. When the server answers 401 (the token was revoked, or expired in transit), it gets a
 * fresh token and sends the request once more; a second 401 is returned to the caller.
 *
 * <p>The request is sent twice in that case, so its body must be repeatable: the body publishers
 * of {@link HttpRequest.BodyPublishers} for strings, byte arrays and files are; one reading a
 * stream is not.
 */
public final class BearerRequests {

    private final ManagedToken token;
    private final HttpClient http;

    /**
     * @param token the connection whose access token to send
     * @param http the client to send with
     */
    public BearerRequests(ManagedToken token, HttpClient http) {
        this.token = Objects.requireNonNull(token, "token");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * @param request the request; an {@code Authorization} header in it is replaced
     * @param answer how to read the answer's body
     * @return the server's answer; 401 only if a fresh token was refused too
     * @throws ManagedTokenException if no access token can be had
     * @throws IOException if the request could not be sent
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> answer)
        throws IOException, InterruptedException {
        String accessToken = token.accessToken();
        HttpResponse<T> response = http.send(withBearer(request, accessToken), answer);
        if (response.statusCode() != 401) {
            return response;
        }
        return http.send(withBearer(request, token.freshAccessToken(accessToken)), answer);
    }

    private static HttpRequest withBearer(HttpRequest request, String accessToken) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
            .header("Authorization", "Bearer " + accessToken).build();
    }
}
