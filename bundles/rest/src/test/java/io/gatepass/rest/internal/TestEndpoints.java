package io.gatepass.rest.internal;

import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.TokenService;
import io.gatepass.spi.CredentialVerifier;

/**
 * The endpoints' surroundings for a test: mocked Gatepass services, a clock the test moves, and
 * a throttle that allows three failures a minute.
 */
final class TestEndpoints {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final int MAX_BYTES = 1024;
    static final int ALLOWED_FAILURES = 3;

    final TokenService tokens = mock(TokenService.class);
    final ClientAppRegistry registry = mock(ClientAppRegistry.class);
    final CredentialVerifier verifier = mock(CredentialVerifier.class);
    final MutableClock clock = new MutableClock(NOW);
    final ServiceSlot<TokenService> tokenSlot = new ServiceSlot<>("token service");
    final ServiceSlot<ClientAppRegistry> registrySlot = new ServiceSlot<>("client app registry");
    final ServiceSlot<CredentialVerifier> verifierSlot = new ServiceSlot<>("credential verifier");
    final Endpoints endpoints = new Endpoints(tokenSlot, registrySlot, verifierSlot,
        new SourceThrottle(clock, ALLOWED_FAILURES, Duration.ofMinutes(1), 100), new RequestGate(), MAX_BYTES,
        "admin", clock);

    TestEndpoints() {
        tokenSlot.bind(tokens);
        registrySlot.bind(registry);
        verifierSlot.bind(verifier);
    }
}
