package io.gatepass.tokens.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientCredentials;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.store.internal.JournalStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token service on a real embedded store in a temporary folder, a registry with the apps
 * {@code sync} (confidential, secret {@code sync-secret}), {@code script} (public) and
 * {@code off} (disabled), and the users {@code alice} (admin, viewer) and {@code bob} (viewer).
 */
abstract class TokenServiceHarness {

    static final String SECRET = "sync-secret";

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    final FakeRegistry registry = new FakeRegistry();
    final FakeVerifier verifier = new FakeVerifier();
    final List<String> events = new CopyOnWriteArrayList<>();
    JournalStore journal;
    FaultyStore store;
    TokenServiceImpl tokens;
    TokenSettings settings = TokenSettings.DEFAULTS;

    @BeforeEach
    void start() {
        registry.add("sync", ClientAppType.CONFIDENTIAL, true, SECRET, null, null);
        registry.add("script", ClientAppType.PUBLIC, true, null, null, null);
        registry.add("off", ClientAppType.CONFIDENTIAL, false, "off-secret", null, null);
        verifier.add("alice", "alice-pw", "admin", "viewer");
        verifier.add("bob", "bob-pw", "viewer");
        open();
    }

    @AfterEach
    void stop() {
        journal.close();
    }

    /** Closes the store and starts a new service on it, as a restart would. */
    void reopen() {
        journal.close();
        open();
    }

    private void open() {
        journal = JournalStore.open(folder.resolve("store"), new JournalStore.Options(64L * 1024 * 1024));
        store = new FaultyStore(journal);
        tokens = new TokenServiceImpl(store, registry, verifier, new LoginThrottle(clock, ThrottleSettings.DEFAULTS),
            clock, settings, (topic, properties) -> events.add(topic + " " + properties.getOrDefault("grant.id", "")));
    }

    TokenPair generate(String app, String user, String password, String... roles) {
        return tokens.generate(new TokenRequest(app, user, password.toCharArray(), Set.of(roles), "test"));
    }

    TokenPair generateForAlice() {
        return generate("sync", "alice", "alice-pw");
    }

    TokenPair refresh(TokenPair pair) {
        return tokens.refresh(pair.refreshToken(), new ClientCredentials(pair.appId(),
            pair.appId().equals("sync") ? SECRET.toCharArray() : null));
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
