package io.gatepass.client;

import java.time.Instant;

/**
 * A connection at one moment. Holds no token or secret.
 *
 * @param connection the connection's name
 * @param serverUrl the server it talks to
 * @param appId the client app it acts as
 * @param state where it stands
 * @param accessTokenExpiresAt when the current access token expires; null without tokens
 * @param refreshTokenExpiresAt when the refresh token expires; null without tokens or when it never does
 * @param lastRefresh when the last refresh succeeded; null if none did since the tokens were imported
 * @param nextRefresh when the next refresh or retry is due; null when none is scheduled
 * @param problem why the last attempt failed, or why re-authorization is needed; null when all is well
 */
public record ConnectionStatus(String connection, String serverUrl, String appId, ConnectionState state,
                               Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt, Instant lastRefresh,
                               Instant nextRefresh, String problem) {
}
