package io.gatepass.client.internal;

import java.time.Duration;
import java.time.Instant;

/** The server's token endpoint, as far as a connection needs it: the refresh grant. */
interface TokenEndpoint {

    /**
     * Exchanges the refresh token for a new pair.
     *
     * @param refreshToken the current refresh token
     * @param clientSecret the client secret, empty for a public app
     * @throws Refused if the server refused the tokens or the client for good
     * @throws Unreachable if the answer may be different later: no answer, 5xx, 429, garbage
     */
    Answer refresh(String refreshToken, char[] clientSecret);

    /**
     * A new pair. {@link #toString()} shows no token.
     *
     * @param accessToken the new access token
     * @param refreshToken the new refresh token
     * @param accessTokenExpiresAt when the access token expires
     * @param refreshTokenExpiresAt when the refresh token expires; null if never
     */
    record Answer(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                  Instant refreshTokenExpiresAt) {

        @Override
        public String toString() {
            return "Answer[access token until " + accessTokenExpiresAt + "]";
        }
    }

    /** The server refused for good, e.g. {@code invalid_grant}; the message is for the administrator. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String error;

        Refused(String error, String message) {
            super(message, null, false, false);
            this.error = error;
        }

        /** @return the OAuth error code, e.g. {@code invalid_grant} */
        String error() {
            return error;
        }
    }

    /** The refresh may work later; {@code retryAfter} is the server's wish, or null. */
    final class Unreachable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;

        Unreachable(String message, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
