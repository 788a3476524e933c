package io.gatepass.rest.internal;

import java.time.Clock;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.TokenService;
import io.gatepass.spi.CredentialVerifier;

/**
 * What every endpoint works with: the Gatepass services (each may be away for a moment while its
 * bundle is updated), the throttle, the gate that lets requests drain on deactivation, and the
 * limits from the configuration.
 *
 * @param maxRequestBytes the largest request body accepted
 * @param adminRole the role the admin API requires
 */
record Endpoints(
    ServiceSlot<TokenService> tokens,
    ServiceSlot<ClientAppRegistry> registry,
    ServiceSlot<CredentialVerifier> verifier,
    SourceThrottle throttle,
    RequestGate gate,
    int maxRequestBytes,
    String adminRole,
    Clock clock) {
}
