package io.gatepass.api;

import java.util.Arrays;
import java.util.Set;

/**
 * What an administrator gives to generate a token pair: the app, the server user the app will
 * act as and that user's password, and optionally a subset of the user's roles.
 *
 * @param appId the client app
 * @param username the server user the tokens will act as
 * @param password the user's password; {@link TokenService#generate} wipes it after use
 * @param roles the roles the tokens act with; empty for all of the user's roles
 * @param source where the request comes from, for throttling and audit, e.g. the client address
 *     or {@code shell:karaf}
 */
public record TokenRequest(String appId, String username, char[] password, Set<String> roles, String source) {

    public TokenRequest {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        source = source == null || source.isBlank() ? "unknown" : source;
    }

    /** Overwrites the password in this request. */
    public void wipePassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "TokenRequest[app=" + appId + ", user=" + username + ", roles=" + roles + ", source=" + source + "]";
    }
}
