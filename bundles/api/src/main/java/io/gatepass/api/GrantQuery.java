package io.gatepass.api;

import java.time.Duration;

/**
 * Which grants to list. Every filter left null matches everything.
 *
 * @param appId only grants of this app
 * @param username only grants acting as this user
 * @param expiringWithin only live grants whose refresh token expires within this duration
 * @param includeEnded whether expired and revoked grants are listed too
 */
public record GrantQuery(String appId, String username, Duration expiringWithin, boolean includeEnded) {

    /** @return a query for every live grant */
    public static GrantQuery live() {
        return new GrantQuery(null, null, null, false);
    }

    public GrantQuery app(String id) {
        return new GrantQuery(id, username, expiringWithin, includeEnded);
    }

    public GrantQuery user(String name) {
        return new GrantQuery(appId, name, expiringWithin, includeEnded);
    }

    public GrantQuery expiringWithin(Duration within) {
        return new GrantQuery(appId, username, within, includeEnded);
    }

    public GrantQuery includingEnded() {
        return new GrantQuery(appId, username, expiringWithin, true);
    }
}
