package io.gatepass.api;

import java.util.Optional;

/**
 * The answer to a registration: the new app and, for a confidential app, its client secret,
 * which Gatepass will never show again.
 *
 * @param app the app as stored
 * @param secret the client secret, or null for a public app
 */
public record ClientAppRegistration(ClientApp app, ClientSecret secret) {

    /** @return the client secret, empty for a public app */
    public Optional<ClientSecret> clientSecret() {
        return Optional.ofNullable(secret);
    }
}
