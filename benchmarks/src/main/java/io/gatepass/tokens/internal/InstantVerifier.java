package io.gatepass.tokens.internal;

import java.util.Set;

import io.gatepass.spi.CredentialVerifier;

/**
 * Accepts every user and password at once, so that loading grants costs Gatepass's own work
 * and no password hashing.
 */
final class InstantVerifier implements CredentialVerifier {

    private static final Set<String> ROLES = Set.of("viewer");

    @Override
    public Set<String> verify(String username, char[] password) {
        return ROLES;
    }

    @Override
    public boolean exists(String username) {
        return true;
    }
}
