package io.gatepass.client.internal;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gatepass.client.ConnectionState;

/**
 * What a connection keeps in the vault, as one sealed JSON value so that tokens, client secret
 * and state change together. {@link #toString()} shows no token or secret.
 *
 * @param accessToken the current access token
 * @param refreshToken the current refresh token
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshTokenExpiresAt when the refresh token expires; null if never
 * @param obtainedAt when the pair was received
 * @param clientSecret the client secret given at import; empty when the configuration has it or the app is public
 * @param reauthorizationNeeded why the server refused the tokens for good; null while they work
 */
record StoredTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                    Instant refreshTokenExpiresAt, Instant obtainedAt, String clientSecret,
                    String reauthorizationNeeded) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    static StoredTokens of(TokenEndpoint.Answer answer, Instant obtainedAt, String clientSecret) {
        return new StoredTokens(answer.accessToken(), answer.refreshToken(), answer.accessTokenExpiresAt(),
            answer.refreshTokenExpiresAt(), obtainedAt, clientSecret, null);
    }

    StoredTokens refused(String why) {
        return new StoredTokens(accessToken, refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt, obtainedAt,
            clientSecret, why);
    }

    ConnectionState state() {
        return reauthorizationNeeded == null ? ConnectionState.READY : ConnectionState.REAUTHORIZATION_NEEDED;
    }

    byte[] encode() {
        ObjectNode json = JSON.createObjectNode().put("v", VERSION).put("access", accessToken)
            .put("refresh", refreshToken).put("accessExpires", accessTokenExpiresAt.toEpochMilli())
            .put("obtained", obtainedAt.toEpochMilli()).put("secret", clientSecret);
        if (refreshTokenExpiresAt != null) {
            json.put("refreshExpires", refreshTokenExpiresAt.toEpochMilli());
        }
        if (reauthorizationNeeded != null) {
            json.put("refused", reauthorizationNeeded);
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("Jackson could not write a JSON object", e);
        }
    }

    /** @throws IllegalArgumentException without any of the content if the bytes are not stored tokens */
    static StoredTokens decode(byte[] bytes) {
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored tokens are not JSON");
        }
        if (json == null || json.path("v").asInt() != VERSION || !json.path("access").isTextual()
            || !json.path("refresh").isTextual() || !json.path("accessExpires").canConvertToLong()
            || !json.path("obtained").canConvertToLong()) {
            throw new IllegalArgumentException("the stored tokens have an unknown format");
        }
        JsonNode refreshExpires = json.path("refreshExpires");
        JsonNode refused = json.path("refused");
        return new StoredTokens(json.get("access").asText(), json.get("refresh").asText(),
            Instant.ofEpochMilli(json.get("accessExpires").asLong()),
            refreshExpires.canConvertToLong() ? Instant.ofEpochMilli(refreshExpires.asLong()) : null,
            Instant.ofEpochMilli(json.get("obtained").asLong()), json.path("secret").asText(""),
            refused.isTextual() ? refused.asText() : null);
    }

    @Override
    public String toString() {
        return "StoredTokens[access token until " + accessTokenExpiresAt + ", " + state() + "]";
    }
}
