package io.gatepass.tokens.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

/**
 * Writes the last-used times of grants in batches. Validation only sets a field in memory; this
 * writes every time that changed since the last flush in one store batch, and tells the registry
 * which apps were used.
 */
final class GrantUses {

    static final String COLLECTION = "grant-uses";

    private final RecordStore store;
    private final ClientAppRegistry registry;
    private final Map<String, Long> written = new HashMap<>();

    GrantUses(RecordStore store, ClientAppRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** @return how many grants had a new last-used time written */
    synchronized int flush(Iterable<GrantState> grants) {
        WriteBatch batch = new WriteBatch();
        Map<String, Long> changed = new HashMap<>();
        Set<String> apps = new HashSet<>();
        for (GrantState grant : grants) {
            long used = grant.lastUsed;
            if (used != 0 && used != written.getOrDefault(grant.id(), 0L)) {
                batch.put(COLLECTION, grant.id(), GrantCodec.encodeUse(used));
                changed.put(grant.id(), used);
                apps.add(grant.appId());
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        store.write(batch);
        written.putAll(changed);
        apps.forEach(registry::recordUse);
        return changed.size();
    }

    synchronized void forget(String grantId) {
        written.remove(grantId);
    }
}
