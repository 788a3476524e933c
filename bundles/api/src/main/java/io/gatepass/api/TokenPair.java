package io.gatepass.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A new access token and refresh token, as handed out once at generation and at each refresh.
 * Gatepass keeps only their hashes. {@link #toString()} shows neither token.
 *
 * @param accessToken the access token, {@code gpat_...}
 * @param refreshToken the refresh token, {@code gprt_...}
 * @param accessTokenExpiresAt when the access token stops working
 * @param refreshTokenExpiresAt when the refresh token stops working, or null if never (it may
 *     also end sooner when unused for the idle timeout)
 * @param grantId the grant both belong to
 * @param appId the client app
 * @param username the server user they act as
 * @param roles the roles they act with
 */
public record TokenPair(
    String accessToken,
    String refreshToken,
    Instant accessTokenExpiresAt,
    Instant refreshTokenExpiresAt,
    String grantId,
    String appId,
    String username,
    Set<String> roles) {

    /** @return when the refresh token expires, empty if never */
    public Optional<Instant> refreshTokenExpiry() {
        return Optional.ofNullable(refreshTokenExpiresAt);
    }

    @Override
    public String toString() {
        return "TokenPair[grant=" + grantId + ", app=" + appId + ", user=" + username + ", roles=" + roles
            + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshTokenExpiresAt="
            + refreshTokenExpiresAt + ", tokens hidden]";
    }
}
