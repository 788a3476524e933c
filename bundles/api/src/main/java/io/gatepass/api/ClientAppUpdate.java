package io.gatepass.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Changes to an app's name, description or lifetimes. A field left out stays as it is. A
 * lifetime can be set to a duration or reset to the global default.
 */
public final class ClientAppUpdate {

    private final String name;
    private final String description;
    private final Optional<Duration> accessTokenLifetime;
    private final Optional<Duration> refreshTokenLifetime;

    private ClientAppUpdate(String name, String description,
                            Optional<Duration> accessTokenLifetime,
                            Optional<Duration> refreshTokenLifetime) {
        this.name = name;
        this.description = description;
        this.accessTokenLifetime = accessTokenLifetime;
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    /** @return an update that changes nothing yet */
    public static ClientAppUpdate none() {
        return new ClientAppUpdate(null, null, null, null);
    }

    public ClientAppUpdate name(String newName) {
        return new ClientAppUpdate(newName, description, accessTokenLifetime, refreshTokenLifetime);
    }

    public ClientAppUpdate description(String newDescription) {
        return new ClientAppUpdate(name, newDescription, accessTokenLifetime, refreshTokenLifetime);
    }

    /** @param lifetime the new override, or null to return to the global default */
    public ClientAppUpdate accessTokenLifetime(Duration lifetime) {
        return new ClientAppUpdate(name, description, Optional.ofNullable(lifetime), refreshTokenLifetime);
    }

    /** @param lifetime the new override ({@code ZERO}: never expires), or null for the default */
    public ClientAppUpdate refreshTokenLifetime(Duration lifetime) {
        return new ClientAppUpdate(name, description, accessTokenLifetime, Optional.ofNullable(lifetime));
    }

    /** @return the new name, if it changes */
    public Optional<String> newName() {
        return Optional.ofNullable(name);
    }

    /** @return the new description, if it changes */
    public Optional<String> newDescription() {
        return Optional.ofNullable(description);
    }

    /** @return empty if unchanged; else the new override, itself empty for the default */
    public Optional<Optional<Duration>> newAccessTokenLifetime() {
        return Optional.ofNullable(accessTokenLifetime);
    }

    /** @return empty if unchanged; else the new override, itself empty for the default */
    public Optional<Optional<Duration>> newRefreshTokenLifetime() {
        return Optional.ofNullable(refreshTokenLifetime);
    }

    /** @return whether this update changes anything */
    public boolean isEmpty() {
        return name == null && description == null
            && accessTokenLifetime == null && refreshTokenLifetime == null;
    }
}
