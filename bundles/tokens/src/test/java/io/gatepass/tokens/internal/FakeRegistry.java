package io.gatepass.tokens.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.UnknownClientAppException;

/**
 * The registry as the token service sees it: apps with a type, an enabled flag, lifetimes and
 * a secret. Registration and administration go through {@link #add}; the rest of the registry
 * is the registry bundle's business and is not used by the token service.
 */
final class FakeRegistry implements ClientAppRegistry {

    private final Map<String, ClientApp> apps = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    final List<String> uses = new ArrayList<>();

    void add(String id, ClientAppType type, boolean enabled, String secret, Duration accessTtl, Duration refreshTtl) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        apps.put(id, new ClientApp(id, id, "", type, enabled, accessTtl, refreshTtl, now, now, null));
        if (secret != null) {
            secrets.put(id, secret);
        }
    }

    void setEnabled(String id, boolean enabled) {
        ClientApp app = apps.get(id);
        apps.put(id, new ClientApp(app.id(), app.name(), app.description(), app.type(), enabled,
            app.accessTokenLifetime(), app.refreshTokenLifetime(), app.created(), app.updated(), app.lastUsed()));
    }

    void remove(String id) {
        apps.remove(id);
    }

    @Override
    public boolean isEnabled(String id) {
        ClientApp app = id == null ? null : apps.get(id);
        return app != null && app.enabled();
    }

    @Override
    public Optional<ClientApp> find(String id) {
        return Optional.ofNullable(id == null ? null : apps.get(id));
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
    public boolean authenticate(String id, char[] secret) {
        String expected = secrets.get(id);
        return expected != null && expected.equals(new String(secret));
    }

    @Override
    public synchronized void recordUse(String id) {
        uses.add(id);
    }

    @Override
    public ClientAppRegistration register(NewClientApp request) {
        throw new UnsupportedOperationException("tests add apps with add()");
    }

    @Override
    public ClientApp update(String id, ClientAppUpdate update) {
        throw new UnsupportedOperationException("not used by the token service");
    }

    @Override
    public ClientApp enable(String id) {
        throw new UnsupportedOperationException("tests use setEnabled()");
    }

    @Override
    public ClientApp disable(String id) {
        throw new UnsupportedOperationException("tests use setEnabled()");
    }

    @Override
    public ClientApp delete(String id) {
        throw new UnsupportedOperationException("tests use remove()");
    }

    @Override
    public SecretRotation rotateSecret(String id, Duration keepPrevious) {
        throw new UnsupportedOperationException("not used by the token service");
    }
}
