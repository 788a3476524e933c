package io.gatepass.tokens.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.gatepass.api.GatepassEvents;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;
import io.gatepass.tokens.internal.StoredGrant.StoredRevocation;
import io.gatepass.tokens.internal.TokenServiceImpl.TokenEventSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations, kept in a collection of their own ({@code grant-revocations}): revoking needs no
 * grant's monitor and never races with a refresh rewriting the grant, so revoking thousands of
 * grants is a few batches, and a revocation survives whatever the grant record says.
 */
final class GrantRevocations {

    static final String COLLECTION = "grant-revocations";

    /** Grants per store batch when revoking many. */
    private static final int CHUNK = 1_000;

    /** Above this many grants, one event for the whole revocation instead of one per grant. */
    private static final int EVENTS_PER_GRANT_LIMIT = 100;

    private static final Logger LOG = LoggerFactory.getLogger(GrantRevocations.class);

    private final RecordStore store;
    private final GrantCodec codec;
    private final AuditTrail audit;
    private final TokenEventSink events;
    private final Clock clock;
    private final Function<String, GrantState> grants;

    GrantRevocations(RecordStore store, GrantCodec codec, AuditTrail audit, TokenEventSink events, Clock clock,
                     Function<String, GrantState> grants) {
        this.store = store;
        this.codec = codec;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.grants = grants;
    }

    void load() {
        store.forEach(COLLECTION, (key, bytes) -> {
            GrantState grant = grants.apply(key);
            if (grant != null) {
                StoredRevocation revocation = codec.decodeRevocation(key, bytes);
                grant.revocation = new GrantState.Revocation(revocation.at(), revocation.why());
            }
        });
    }

    /**
     * Revokes the live grants among the candidates, durably, in batches.
     *
     * @param why the reason kept with each grant
     * @param bulk null for a single grant; else a description of the whole, used for one audit
     *     entry and one event when there are too many grants for one each
     * @return how many grants were revoked
     */
    int revoke(List<GrantState> candidates, String why, String source, String bulk) {
        List<GrantState> live = candidates.stream().filter(g -> !g.isRevoked()).toList();
        boolean perGrant = live.size() <= EVENTS_PER_GRANT_LIMIT;
        int done = 0;
        for (int start = 0; start < live.size(); start += CHUNK) {
            List<GrantState> chunk = live.subList(start, Math.min(live.size(), start + CHUNK));
            done += revokeChunk(chunk, why, source, perGrant ? null : bulk, start == 0);
        }
        if (bulk != null && done > 0) {
            LOG.info("Revoked {} grants ({}) by {}", done, bulk, source);
            if (!perGrant) {
                events.post(GatepassEvents.TOKEN_REVOKED, Map.of("count", done, GatepassEvents.SOURCE, source,
                    "scope", bulk));
            }
        }
        return done;
    }

    /** Revokes a grant whose rotated refresh token was presented again: it may have been stolen. */
    void revokeForReuse(GrantState grant, String source) {
        long now = clock.millis();
        WriteBatch batch = new WriteBatch()
            .put(COLLECTION, grant.id(), codec.encodeRevocation(now, "refresh token reused"));
        AuditTrail.Pending entry = audit.add(batch, "REUSE_DETECTED", grant.appId(), grant.username(), grant.id(),
            source, "a rotated refresh token was presented again; grant revoked");
        store.write(batch);
        grant.revocation = new GrantState.Revocation(now, "refresh token reused");
        audit.committed(entry);
        LOG.warn("Refresh token reuse for grant {} of app '{}' (user '{}') from {}: grant revoked", grant.id(),
            grant.appId(), grant.username(), source);
        events.post(GatepassEvents.TOKEN_REUSE_DETECTED, TokenServiceImpl.grantEvent(grant, source));
    }

    private int revokeChunk(List<GrantState> chunk, String why, String source, String bulk, boolean first) {
        long now = clock.millis();
        WriteBatch batch = new WriteBatch();
        List<AuditTrail.Pending> entries = new ArrayList<>();
        for (GrantState grant : chunk) {
            batch.put(COLLECTION, grant.id(), codec.encodeRevocation(now, why));
            if (bulk == null) {
                entries.add(audit.add(batch, "REVOKED", grant.appId(), grant.username(), grant.id(), source, why));
            }
        }
        if (bulk != null && first) {
            entries.add(audit.add(batch, "REVOKED", null, null, null, source, "revoked " + bulk));
        }
        store.write(batch);
        for (GrantState grant : chunk) {
            grant.revocation = new GrantState.Revocation(now, why);
            if (bulk == null) {
                LOG.info("Grant {} of app '{}' (user '{}') revoked by {}", grant.id(), grant.appId(), grant.username(),
                    source);
                events.post(GatepassEvents.TOKEN_REVOKED, TokenServiceImpl.grantEvent(grant, source));
            }
        }
        entries.forEach(audit::committed);
        return chunk.size();
    }
}
