package io.gatepass.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer to a secret rotation: the new secret, shown this once, and until when the previous
 * one is still accepted.
 *
 * @param app the app as stored after the rotation
 * @param secret the new client secret
 * @param previousSecretValidUntil when the previous secret stops working, or null if it already has
 */
public record SecretRotation(ClientApp app, ClientSecret secret, Instant previousSecretValidUntil) {

    /** @return until when the previous secret still works, if it does */
    public Optional<Instant> previousSecretGrace() {
        return Optional.ofNullable(previousSecretValidUntil);
    }
}
