package io.gatepass.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.GatepassEvents;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.UnknownClientAppException;
import io.gatepass.registry.internal.StoredClientApp.SecretHash;
import io.gatepass.spi.PrefixedSecret;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's logic, free of OSGi: rules, secrets, and the records in the {@link RecordStore}.
 * Apps are decoded once into memory; every change is written to the store before memory and
 * callers see it. Changes are serialised by one lock: apps change rarely, reads never wait.
 */
class ClientAppRegistryImpl implements ClientAppRegistry {

    static final String COLLECTION = "apps";

    private static final Logger LOG = LoggerFactory.getLogger(ClientAppRegistryImpl.class);

    private final RecordStore store;
    private final Clock clock;
    private final AppEventSink events;
    private final ClientAppCodec codec = new ClientAppCodec();
    private final Map<String, StoredClientApp> apps = new ConcurrentHashMap<>();
    private final Map<String, Instant> pendingUses = new ConcurrentHashMap<>();
    private final Object changeLock = new Object();

    /** Where app events go; the OSGi component posts them on Event Admin. */
    interface AppEventSink {
        void post(String topic, String appId);
    }

    ClientAppRegistryImpl(RecordStore store, Clock clock, AppEventSink events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        store.forEach(COLLECTION, (key, bytes) -> apps.put(key, codec.decode(key, bytes)));
    }

    @Override
    public ClientAppRegistration register(NewClientApp request) {
        String id = ClientAppRules.id(request.id());
        String name = ClientAppRules.name(request.name() == null ? id : request.name());
        String description = ClientAppRules.description(request.description());
        ClientAppType type = request.type() == null ? ClientAppType.CONFIDENTIAL : request.type();
        Duration access = ClientAppRules.accessTokenLifetime(request.accessTokenLifetime());
        Duration refresh = ClientAppRules.refreshTokenLifetime(request.refreshTokenLifetime());
        ClientAppRules.lifetimesAgree(access, refresh);

        ClientSecrets.Issued issued = type == ClientAppType.CONFIDENTIAL ? ClientSecrets.issue() : null;
        StoredClientApp stored;
        synchronized (changeLock) {
            checkIdIsFree(id, request.reuseDeletedId());
            long now = clock.millis();
            stored = new StoredClientApp(StoredClientApp.FORMAT_VERSION, id, name, description,
                type.label(), request.enabled(), seconds(access), seconds(refresh), now, now, null,
                null, issued == null ? null : issued.hash(), null);
            save(stored);
        }

        LOG.info("Client app '{}' registered ({}, {})", id, type.label(),
            request.enabled() ? "enabled" : "disabled");
        events.post(GatepassEvents.APP_REGISTERED, id);
        return new ClientAppRegistration(stored.toClientApp(), issued == null ? null : issued.secret());
    }

    @Override
    public Optional<ClientApp> find(String id) {
        StoredClientApp app = id == null ? null : apps.get(id);
        return app == null || app.isDeleted() ? Optional.empty() : Optional.of(withPendingUse(app));
    }

    @Override
    public boolean isEnabled(String id) {
        StoredClientApp app = id == null ? null : apps.get(id);
        return app != null && app.enabled() && !app.isDeleted();
    }

    @Override
    public ClientApp get(String id) {
        return find(id).orElseThrow(() -> unknown(id));
    }

    @Override
    public List<ClientApp> list() {
        return apps.values().stream()
            .filter(app -> !app.isDeleted())
            .map(this::withPendingUse)
            .sorted(Comparator.comparing(ClientApp::id))
            .toList();
    }

    @Override
    public ClientApp update(String id, ClientAppUpdate update) {
        StoredClientApp changed = change(id, app -> {
            String name = update.newName().map(ClientAppRules::name).orElse(app.name());
            String description = update.newDescription().map(ClientAppRules::description)
                .orElse(app.description());
            // An empty inner Optional resets to the default, so it must not fall back to the stored value.
            Duration access = update.newAccessTokenLifetime().isPresent()
                ? ClientAppRules.accessTokenLifetime(update.newAccessTokenLifetime().get().orElse(null))
                : duration(app.accessTtlSeconds());
            Duration refresh = update.newRefreshTokenLifetime().isPresent()
                ? ClientAppRules.refreshTokenLifetime(update.newRefreshTokenLifetime().get().orElse(null))
                : duration(app.refreshTtlSeconds());
            ClientAppRules.lifetimesAgree(access, refresh);
            return app.withFields(name, description, seconds(access), seconds(refresh), clock.instant());
        });

        LOG.info("Client app '{}' updated", id);
        events.post(GatepassEvents.APP_UPDATED, id);
        return changed.toClientApp();
    }

    @Override
    public ClientApp enable(String id) {
        return switchEnabled(id, true);
    }

    @Override
    public ClientApp disable(String id) {
        return switchEnabled(id, false);
    }

    @Override
    public ClientApp delete(String id) {
        ClientApp before;
        synchronized (changeLock) {
            StoredClientApp app = live(id);
            before = app.toClientApp();
            save(app.asDeleted(clock.instant()));
        }

        LOG.info("Client app '{}' deleted", id);
        events.post(GatepassEvents.APP_DELETED, id);
        return before;
    }

    @Override
    public SecretRotation rotateSecret(String id, Duration keepPrevious) {
        Duration grace = ClientAppRules.secretGrace(keepPrevious);
        ClientSecrets.Issued issued = ClientSecrets.issue();
        Instant now = clock.instant();
        Instant previousUntil = grace.isZero() ? null : now.plus(grace);

        StoredClientApp changed = change(id, app -> {
            if (app.clientAppType() == ClientAppType.PUBLIC) {
                throw new InvalidInputException("type", "Client app '" + id
                    + "' is public and has no client secret to rotate.");
            }
            SecretHash previous = previousUntil == null ? null : new SecretHash(
                app.secret().salt(), app.secret().hash(), previousUntil.toEpochMilli());
            return app.withSecrets(issued.hash(), previous, now);
        });

        LOG.info("Client secret of app '{}' rotated; the previous one {}", id,
            previousUntil == null ? "stopped working at once" : "works until " + previousUntil);
        events.post(GatepassEvents.APP_SECRET_ROTATED, id);
        return new SecretRotation(changed.toClientApp(), issued.secret(), previousUntil);
    }

    @Override
    public boolean authenticate(String id, char[] secret) {
        StoredClientApp app = id == null ? null : apps.get(id);
        if (app == null || app.isDeleted() || !PrefixedSecret.isWellFormed(ClientSecrets.PREFIX, secret)) {
            return false;
        }
        boolean current = ClientSecrets.matches(app.secret(), secret);
        SecretHash previous = app.previousSecret();
        boolean previousInGrace = previous != null && previous.validUntil() > clock.millis()
            && ClientSecrets.matches(previous, secret);
        return current || previousInGrace;
    }

    @Override
    public void recordUse(String id) {
        if (id != null && apps.containsKey(id)) {
            pendingUses.put(id, clock.instant());
        }
    }

    /** Writes the use times gathered since the last flush, in one batch. */
    void flushUses() {
        if (pendingUses.isEmpty()) {
            return;
        }
        synchronized (changeLock) {
            WriteBatch batch = new WriteBatch();
            Map<String, StoredClientApp> changed = new java.util.HashMap<>();
            for (String id : List.copyOf(pendingUses.keySet())) {
                StoredClientApp app = apps.get(id);
                Instant when = pendingUses.get(id);
                if (app != null && !app.isDeleted() && when != null) {
                    StoredClientApp used = app.withLastUsed(when);
                    batch.put(COLLECTION, id, codec.encode(used));
                    changed.put(id, used);
                }
            }
            store.write(batch);
            apps.putAll(changed);
            changed.forEach((id, app) -> pendingUses.remove(id, Instant.ofEpochMilli(app.lastUsed())));
        }
    }

    private ClientApp switchEnabled(String id, boolean enabled) {
        StoredClientApp changed = change(id, app -> app.enabled() == enabled
            ? app : app.withEnabled(enabled, clock.instant()));

        LOG.info("Client app '{}' {}", id, enabled ? "enabled" : "disabled");
        events.post(enabled ? GatepassEvents.APP_ENABLED : GatepassEvents.APP_DISABLED, id);
        return changed.toClientApp();
    }

    private StoredClientApp change(String id, UnaryOperator<StoredClientApp> edit) {
        synchronized (changeLock) {
            StoredClientApp app = live(id);
            StoredClientApp changed = edit.apply(app);
            if (changed != app) {
                save(changed);
            }
            return changed;
        }
    }

    private void save(StoredClientApp app) {
        store.write(new WriteBatch().put(COLLECTION, app.id(), codec.encode(app)));
        apps.put(app.id(), app);
    }

    private StoredClientApp live(String id) {
        StoredClientApp app = id == null ? null : apps.get(id);
        if (app == null || app.isDeleted()) {
            throw unknown(id);
        }
        return app;
    }

    private void checkIdIsFree(String id, boolean reuseDeleted) {
        StoredClientApp existing = apps.get(id);
        if (existing == null) {
            return;
        }
        if (!existing.isDeleted()) {
            throw new ClientAppConflictException("A client app with id '" + id + "' already exists.");
        }
        if (!reuseDeleted) {
            throw new ClientAppConflictException("The id '" + id + "' belonged to a client app deleted on "
                + Instant.ofEpochMilli(existing.deleted()) + "; ask explicitly to reuse a deleted id"
                + " (shell: --reuse-deleted-id) if it should name a new app.");
        }
    }

    private UnknownClientAppException unknown(String id) {
        return new UnknownClientAppException(id, list().stream().map(ClientApp::id).toList());
    }

    private ClientApp withPendingUse(StoredClientApp app) {
        Instant pending = pendingUses.get(app.id());
        return (pending == null ? app : app.withLastUsed(pending)).toClientApp();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.getSeconds();
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
