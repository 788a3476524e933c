package io.gatepass.api;

import java.time.Duration;

/**
 * What an administrator asks for when registering an app. Start from {@link #withId(String)}
 * and add what differs from the defaults: the name defaults to the id, the type to
 * confidential, and the app starts disabled.
 *
 * @param id the wanted id
 * @param name the display name, or null to use the id
 * @param description the description, or null for none
 * @param type the type
 * @param enabled whether to enable the app at once
 * @param accessTokenLifetime an override of the access-token lifetime, or null
 * @param refreshTokenLifetime an override of the refresh-token lifetime, or null
 * @param reuseDeletedId whether the id of a deleted app may be taken again on purpose
 */
public record NewClientApp(
    String id,
    String name,
    String description,
    ClientAppType type,
    boolean enabled,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    boolean reuseDeletedId) {

    /**
     * @param id the wanted id
     * @return a request with every other field at its default
     */
    public static NewClientApp withId(String id) {
        return new NewClientApp(id, null, null, ClientAppType.CONFIDENTIAL, false, null, null, false);
    }

    public NewClientApp name(String newName) {
        return new NewClientApp(id, newName, description, type, enabled, accessTokenLifetime,
            refreshTokenLifetime, reuseDeletedId);
    }

    public NewClientApp description(String newDescription) {
        return new NewClientApp(id, name, newDescription, type, enabled, accessTokenLifetime,
            refreshTokenLifetime, reuseDeletedId);
    }

    public NewClientApp type(ClientAppType newType) {
        return new NewClientApp(id, name, description, newType, enabled, accessTokenLifetime,
            refreshTokenLifetime, reuseDeletedId);
    }

    public NewClientApp enabled(boolean newEnabled) {
        return new NewClientApp(id, name, description, type, newEnabled, accessTokenLifetime,
            refreshTokenLifetime, reuseDeletedId);
    }

    public NewClientApp accessTokenLifetime(Duration lifetime) {
        return new NewClientApp(id, name, description, type, enabled, lifetime,
            refreshTokenLifetime, reuseDeletedId);
    }

    public NewClientApp refreshTokenLifetime(Duration lifetime) {
        return new NewClientApp(id, name, description, type, enabled, accessTokenLifetime,
            lifetime, reuseDeletedId);
    }

    public NewClientApp reuseDeletedId(boolean reuse) {
        return new NewClientApp(id, name, description, type, enabled, accessTokenLifetime,
            refreshTokenLifetime, reuse);
    }
}
