package io.gatepass.webconsole.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.ClientSecret;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.UnknownClientAppException;

/**
 * The registry as the console uses it, in memory, with the registry's id rule so that its
 * message can travel to the page. Records what was asked, in order, in {@link #calls}.
 */
final class FakeRegistry implements ClientAppRegistry {

    static final Instant NOW = Instant.parse("2026-12-03T14:02:16Z");

    final Map<String, ClientApp> apps = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    final List<ClientSecret> handedOut = new ArrayList<>();

    ClientApp add(String id, String name, boolean enabled) {
        ClientApp app =
            new ClientApp(id, name, "", ClientAppType.CONFIDENTIAL, enabled, null, null, NOW, NOW, null);
        apps.put(id, app);
        return app;
    }

    @Override
    public ClientAppRegistration register(NewClientApp request) {
        calls.add("register " + request.id());
        if (request.id() == null || !request.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw InvalidInputException.of("id", request.id(),
                "use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (apps.containsKey(request.id())) {
            throw new ClientAppConflictException("Client app '" + request.id() + "' exists already.");
        }
        ClientApp app = new ClientApp(request.id(), request.name() == null ? request.id() : request.name(),
            request.description() == null ? "" : request.description(), request.type(), request.enabled(),
            request.accessTokenLifetime(), request.refreshTokenLifetime(), NOW, NOW, null);
        apps.put(app.id(), app);
        ClientSecret secret = request.type() == ClientAppType.PUBLIC ? null : secret("gpcs_registered");
        return new ClientAppRegistration(app, secret);
    }

    @Override
    public Optional<ClientApp> find(String id) {
        return Optional.ofNullable(id == null ? null : apps.get(id));
    }

    @Override
    public boolean isEnabled(String id) {
        return find(id).map(ClientApp::enabled).orElse(false);
    }

    @Override
    public ClientApp get(String id) {
        return find(id).orElseThrow(() -> new UnknownClientAppException(id, apps.keySet()));
    }

    @Override
    public List<ClientApp> list() {
        return List.copyOf(apps.values());
    }

    @Override
    public ClientApp update(String id, ClientAppUpdate update) {
        calls.add("update " + id);
        ClientApp app = get(id);
        ClientApp updated = new ClientApp(id, update.newName().orElse(app.name()),
            update.newDescription().orElse(app.description()), app.type(), app.enabled(),
            changed(update.newAccessTokenLifetime(), app.accessTokenLifetime()),
            changed(update.newRefreshTokenLifetime(), app.refreshTokenLifetime()),
            app.created(), NOW, app.lastUsed());
        apps.put(id, updated);
        return updated;
    }

    /** An override that is set to "the default" becomes null. */
    private static Duration changed(Optional<Optional<Duration>> change, Duration current) {
        return change.isPresent() ? change.get().orElse(null) : current;
    }

    @Override
    public ClientApp enable(String id) {
        return setEnabled(id, true);
    }

    @Override
    public ClientApp disable(String id) {
        return setEnabled(id, false);
    }

    private ClientApp setEnabled(String id, boolean enabled) {
        calls.add((enabled ? "enable " : "disable ") + id);
        ClientApp app = get(id);
        ClientApp changed = new ClientApp(id, app.name(), app.description(), app.type(), enabled,
            app.accessTokenLifetime(), app.refreshTokenLifetime(), app.created(), NOW, app.lastUsed());
        apps.put(id, changed);
        return changed;
    }

    @Override
    public ClientApp delete(String id) {
        calls.add("delete " + id);
        return apps.remove(get(id).id());
    }

    @Override
    public SecretRotation rotateSecret(String id, Duration keepPrevious) {
        calls.add("rotate " + id + " keeping " + keepPrevious);
        return new SecretRotation(get(id), secret("gpcs_rotated"),
            keepPrevious.isZero() ? null : NOW.plus(keepPrevious));
    }

    private ClientSecret secret(String value) {
        ClientSecret secret = new ClientSecret(value.toCharArray());
        handedOut.add(secret);
        return secret;
    }

    @Override
    public boolean authenticate(String id, char[] secret) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public void recordUse(String id) {
        throw new UnsupportedOperationException("not used by the console");
    }
}
