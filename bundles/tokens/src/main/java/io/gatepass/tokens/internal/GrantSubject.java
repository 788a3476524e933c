package io.gatepass.tokens.internal;

import java.util.Set;

/**
 * Whom a grant's tokens stand for: the app, the user and the user's roles when the tokens were
 * generated. Grants with the same ones share one instance, kept by the token index.
 */
record GrantSubject(String appId, String username, Set<String> roles) {

    GrantSubject {
        roles = Set.copyOf(roles);
    }
}
