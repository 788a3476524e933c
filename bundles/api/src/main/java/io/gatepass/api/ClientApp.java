package io.gatepass.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A registered client app, as the registry holds it now. Holds no secret.
 *
 * @param id the unique lower-case slug, e.g. {@code sdx-prod}
 * @param name the display name
 * @param description what the app is for; empty when none was given
 * @param type confidential (has a client secret) or public
 * @param enabled whether its tokens are accepted and new ones may be generated
 * @param accessTokenLifetime the app's own access-token lifetime, or null for the global default
 * @param refreshTokenLifetime the app's own refresh-token lifetime, or null for the global
 *     default; {@link Duration#ZERO} means refresh tokens of this app never expire
 * @param created when it was registered
 * @param updated when it last changed
 * @param lastUsed when one of its tokens or its secret was last used, or null if never
 */
public record ClientApp(
    String id,
    String name,
    String description,
    ClientAppType type,
    boolean enabled,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Instant created,
    Instant updated,
    Instant lastUsed) {

    /** @return the access-token lifetime this app overrides, if any */
    public Optional<Duration> accessTokenLifetimeOverride() {
        return Optional.ofNullable(accessTokenLifetime);
    }

    /** @return the refresh-token lifetime this app overrides, if any */
    public Optional<Duration> refreshTokenLifetimeOverride() {
        return Optional.ofNullable(refreshTokenLifetime);
    }

    /** @return when the app was last used, if ever */
    public Optional<Instant> lastUsedTime() {
        return Optional.ofNullable(lastUsed);
    }
}
