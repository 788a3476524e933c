package io.gatepass.client.internal;

import io.gatepass.api.GatepassException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenKind;
import io.gatepass.spi.PrefixedSecret;
import io.gatepass.spi.SecretVault;

/**
 * The steps of taking over tokens an administrator generated, each failing with a sentence that
 * says what was wrong and that nothing was imported. Never quotes what was typed.
 */
final class ConnectionImport {

    private static final String NOTHING = " Nothing was imported; the connection is as it was.";
    /** Refresh tokens all have one length; a sample says which, without repeating the format here. */
    private static final int REFRESH_TOKEN_LENGTH = PrefixedSecret.generate(TokenKind.REFRESH.prefix()).length;

    private ConnectionImport() {
    }

    static void checkRefreshToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidInputException("refresh-token", "No refresh token was given." + NOTHING);
        }
        if (TokenKind.ofToken(refreshToken) == TokenKind.ACCESS) {
            throw new InvalidInputException("refresh-token", "That is an access token (gpat_...); the refresh token"
                + " starts with " + TokenKind.REFRESH.prefix() + "." + NOTHING);
        }
        if (!PrefixedSecret.isWellFormed(TokenKind.REFRESH.prefix(), refreshToken)) {
            throw new InvalidInputException("refresh-token", "That is not a Gatepass refresh token: one starts with "
                + TokenKind.REFRESH.prefix() + " and is " + REFRESH_TOKEN_LENGTH + " characters long, with a"
                + " checksum that catches typing and copying mistakes." + NOTHING);
        }
    }

    static void checkClientSecret(char[] clientSecret) {
        if (clientSecret.length > 0 && !PrefixedSecret.isWellFormed("gpcs_", clientSecret)) {
            throw new InvalidInputException("client-secret", "That is not a Gatepass client secret: one starts with"
                + " gpcs_, with a checksum that catches typing and copying mistakes." + NOTHING);
        }
    }

    static TokenEndpoint.Answer exchange(TokenEndpoint endpoint, ConnectionSettings settings, String refreshToken,
                                        char[] clientSecret) {
        try {
            return endpoint.refresh(refreshToken, clientSecret);
        } catch (TokenEndpoint.Refused e) {
            String field = "invalid_client".equals(e.error()) ? "client-secret" : "refresh-token";
            String hint = "invalid_client".equals(e.error())
                ? " Check the app id '" + settings.appId() + "' and give the app's client secret"
                    + " (gatepass-client:import --client-secret " + settings.name() + ")."
                : "";
            throw new InvalidInputException(field, e.getMessage() + hint + NOTHING);
        } catch (TokenEndpoint.Unreachable e) {
            throw new GatepassException("The server at " + settings.serverUrl() + " could not be asked: "
                + e.getMessage() + NOTHING);
        }
    }

    static void save(SecretVault vault, String name, StoredTokens received) {
        try {
            vault.put(name, received.encode());
        } catch (RuntimeException e) {
            throw new GatepassException("The server accepted the refresh token, but the new tokens could not be"
                + " saved in the vault: " + e.getMessage() + " The refresh token you gave no longer works: generate"
                + " new tokens and import them again.");
        }
    }
}
