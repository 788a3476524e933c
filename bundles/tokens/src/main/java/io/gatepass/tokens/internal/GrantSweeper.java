package io.gatepass.tokens.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.GatepassEvents;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;
import io.gatepass.tokens.internal.TokenServiceImpl.TokenEventSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on a schedule: revokes the grants of deleted apps, posts EXPIRING once for grants close
 * to the end, removes grants that ended longer ago than the keep period, and trims the audit
 * trail, so the store does not grow without bound.
 */
final class GrantSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(GrantSweeper.class);

    private final TokenServiceImpl tokens;
    private final RecordStore store;
    private final ClientAppRegistry registry;
    private final GrantUses uses;
    private final TokenEventSink events;
    private final Clock clock;

    GrantSweeper(TokenServiceImpl tokens, RecordStore store, ClientAppRegistry registry, GrantUses uses,
                 TokenEventSink events, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.registry = registry;
        this.uses = uses;
        this.events = events;
        this.clock = clock;
    }

    void sweep() {
        revokeGrantsOfDeletedApps();
        warnOfExpiry();
        int removed = removeEndedGrants();
        trimAudit();
        if (removed > 0) {
            LOG.info("Removed {} ended grants from the store", removed);
        }
    }

    private void revokeGrantsOfDeletedApps() {
        for (String appId : tokens.appIdsWithGrants()) {
            if (registry.find(appId).isEmpty()) {
                tokens.revokeApp(appId, "gatepass");
            }
        }
    }

    private void warnOfExpiry() {
        TokenSettings settings = tokens.settings();
        if (settings.expiryWarning().isZero()) {
            return;
        }
        long now = clock.millis();
        long horizon = now + settings.expiryWarning().toMillis();
        for (GrantState grant : tokens.grantStates()) {
            long expiry = grant.refreshExpiry(settings.refreshIdleTimeout());
            if (!grant.expiringNotified && !grant.hasEnded(now, settings.refreshIdleTimeout()) && expiry <= horizon) {
                notifyExpiring(grant, expiry);
            }
        }
    }

    private void notifyExpiring(GrantState grant, long expiry) {
        synchronized (grant) {
            if (grant.expiringNotified) {
                return;
            }
            grant.expiringNotified = true;
            WriteBatch batch = new WriteBatch().put(TokenServiceImpl.GRANTS, grant.id(), tokens.codec().encode(grant));
            AuditTrail.Pending entry = tokens.auditTrail().add(batch, "EXPIRING", grant.appId(), grant.username(),
                grant.id(), "gatepass", "refresh token expires at " + Instant.ofEpochMilli(expiry));
            try {
                store.write(batch);
            } catch (RuntimeException e) {
                grant.expiringNotified = false;
                throw e;
            }
            tokens.auditTrail().committed(entry);
        }
        LOG.info("Grant {} of app '{}' (user '{}') expires at {}", grant.id(), grant.appId(), grant.username(),
            Instant.ofEpochMilli(expiry));
        events.post(GatepassEvents.TOKEN_EXPIRING, TokenServiceImpl.grantEvent(grant, "gatepass"));
    }

    private int removeEndedGrants() {
        TokenSettings settings = tokens.settings();
        long cutoff = clock.millis() - settings.keepEndedGrants().toMillis();
        List<GrantState> gone = new ArrayList<>();
        for (GrantState grant : tokens.grantStates()) {
            if (endedBefore(grant, cutoff, settings.refreshIdleTimeout())) {
                gone.add(grant);
            }
        }
        for (int start = 0; start < gone.size(); start += 1_000) {
            List<GrantState> chunk = gone.subList(start, Math.min(gone.size(), start + 1_000));
            WriteBatch batch = new WriteBatch();
            for (GrantState grant : chunk) {
                batch.delete(TokenServiceImpl.GRANTS, grant.id())
                    .delete(GrantRevocations.COLLECTION, grant.id())
                    .delete(GrantUses.COLLECTION, grant.id());
            }
            store.write(batch);
            for (GrantState grant : chunk) {
                tokens.unload(grant);
                uses.forget(grant.id());
            }
        }
        return gone.size();
    }

    private static boolean endedBefore(GrantState grant, long cutoff, Duration idle) {
        if (grant.isRevoked()) {
            return grant.revokedAt() < cutoff;
        }
        long end = Math.max(grant.refreshExpiry(idle), grant.tokens.accessExpiry);
        return end < cutoff;
    }

    private void trimAudit() {
        TokenSettings settings = tokens.settings();
        WriteBatch batch = new WriteBatch();
        List<String> expired = tokens.auditTrail().expire(batch, settings.auditRetention(), settings.auditMaxEntries());
        if (!expired.isEmpty()) {
            store.write(batch);
            tokens.auditTrail().forget(expired);
        }
    }
}
