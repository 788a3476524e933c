package io.gatepass.api;

import java.time.Instant;
import java.util.Set;

/**
 * One generation of tokens for an app acting as a user, and the refresh tokens rotated from it.
 * Holds no token.
 *
 * @param grantId the grant's id
 * @param appId the client app
 * @param username the server user it acts as
 * @param roles the roles it acts with
 * @param created when it was generated
 * @param lastUsed when one of its tokens was last accepted, or null if never
 * @param accessTokenExpiresAt when the newest access token expires
 * @param refreshTokenExpiresAt when the refresh token expires, counting the idle timeout, or null
 *     if never
 * @param status where it stands now
 * @param revocation why it was revoked, or null when it was not
 */
public record Grant(
    String grantId,
    String appId,
    String username,
    Set<String> roles,
    Instant created,
    Instant lastUsed,
    Instant accessTokenExpiresAt,
    Instant refreshTokenExpiresAt,
    GrantStatus status,
    String revocation) {
}
