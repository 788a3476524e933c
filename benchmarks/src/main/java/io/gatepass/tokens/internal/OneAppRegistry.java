package io.gatepass.tokens.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.UnknownClientAppException;

/**
 * A registry holding one enabled public client app, {@value #APP}: all the token service asks
 * of a registry while it issues and validates tokens. Administration is not supported.
 */
final class OneAppRegistry implements ClientAppRegistry {

    static final String APP = "bench";

    private final ClientApp app;

    OneAppRegistry() {
        Instant created = Instant.parse("2026-12-01T00:00:00Z");
        app = new ClientApp(APP, APP, "", ClientAppType.PUBLIC, true, null, null, created, created,
            null);
    }

    @Override
    public boolean isEnabled(String id) {
        return APP.equals(id);
    }

    @Override
    public Optional<ClientApp> find(String id) {
        return APP.equals(id) ? Optional.of(app) : Optional.empty();
    }

    @Override
    public ClientApp get(String id) {
        return find(id).orElseThrow(() -> new UnknownClientAppException(id, List.of(APP)));
    }

    @Override
    public List<ClientApp> list() {
        return List.of(app);
    }

    @Override
    public boolean authenticate(String id, char[] secret) {
        return false;
    }

    @Override
    public void recordUse(String id) {
    }

    @Override
    public ClientAppRegistration register(NewClientApp request) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }

    @Override
    public ClientApp update(String id, ClientAppUpdate update) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }

    @Override
    public ClientApp enable(String id) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }

    @Override
    public ClientApp disable(String id) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }

    @Override
    public ClientApp delete(String id) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }

    @Override
    public SecretRotation rotateSecret(String id, Duration keepPrevious) {
        throw new UnsupportedOperationException("the benchmark registry holds one fixed app");
    }
}
