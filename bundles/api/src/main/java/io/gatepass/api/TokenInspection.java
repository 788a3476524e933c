package io.gatepass.api;

import java.util.Optional;

/**
 * What Gatepass knows of a presented token, never the token itself.
 *
 * @param kind access or refresh, by its prefix; null when the token is malformed
 * @param reason why it does not work now, or null when it does
 * @param grant the grant it belongs to, or null when unknown
 */
public record TokenInspection(TokenKind kind, InvalidTokenReason reason, Grant grant) {

    /** @return whether the token works now */
    public boolean active() {
        return reason == null;
    }

    /** @return the grant, if the token is known */
    public Optional<Grant> knownGrant() {
        return Optional.ofNullable(grant);
    }
}
