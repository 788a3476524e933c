package io.gatepass.tokens.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.StoreException;
import io.gatepass.spi.PrefixedSecret;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

/**
 * The persisted, bounded audit trail. An entry is added to the same store batch as the change
 * it records, so the trail never claims a change that did not happen, nor misses one that did.
 * Keys sort by time, so the newest are at the end.
 */
final class AuditTrail {

    static final String COLLECTION = "audit";

    /** An entry on its way into a batch; visible in the trail once the batch is durable. */
    record Pending(String key, AuditEntry entry) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record StoredEntry(int v, long t, String e, String app, String user, String grant, String src,
                               String detail) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final NavigableMap<String, AuditEntry> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong(
        Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(PrefixedSecret.randomBytes(4)).getInt()));
    private final Clock clock;

    AuditTrail(RecordStore store, Clock clock) {
        this.clock = clock;
        store.forEach(COLLECTION, (key, bytes) -> entries.put(key, decode(key, bytes)));
    }

    /** Makes an entry and adds it to the batch; call {@link #committed} once the batch is durable. */
    Pending add(WriteBatch batch, String event, String appId, String username, String grantId,
                String source, String detail) {
        long now = clock.millis();
        String key = String.format("%013d-%08x", now, sequence.incrementAndGet() & 0xffffffffL);
        AuditEntry entry = new AuditEntry(Instant.ofEpochMilli(now), event, appId, username, grantId, source,
            detail == null ? "" : detail);
        batch.put(COLLECTION, key, encode(entry));
        return new Pending(key, entry);
    }

    void committed(Pending pending) {
        entries.put(pending.key(), pending.entry());
    }

    /** @return the newest entries that match, newest first */
    List<AuditEntry> newest(String appId, String username, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        for (AuditEntry entry : entries.descendingMap().values()) {
            if (found.size() >= limit) {
                break;
            }
            boolean appMatches = appId == null || appId.equals(entry.appId());
            if (appMatches && (username == null || username.equals(entry.username()))) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Adds to the batch the deletion of entries past retention or beyond the size limit. */
    List<String> expire(WriteBatch batch, Duration retention, int maxEntries) {
        List<String> gone = new ArrayList<>();
        String oldestKept = String.format("%013d", clock.millis() - retention.toMillis());
        int excess = entries.size() - maxEntries;
        for (Map.Entry<String, AuditEntry> entry : entries.entrySet()) {
            if (excess <= gone.size() && entry.getKey().compareTo(oldestKept) >= 0) {
                break;
            }
            gone.add(entry.getKey());
            batch.delete(COLLECTION, entry.getKey());
        }
        return gone;
    }

    void forget(List<String> keys) {
        keys.forEach(entries::remove);
    }

    int size() {
        return entries.size();
    }

    private byte[] encode(AuditEntry entry) {
        try {
            return mapper.writeValueAsBytes(new StoredEntry(1, entry.time().toEpochMilli(), entry.event(),
                entry.appId(), entry.username(), entry.grantId(), entry.source(), entry.detail()));
        } catch (IOException e) {
            throw new StoreException("Could not encode an audit entry", e);
        }
    }

    private AuditEntry decode(String key, byte[] bytes) {
        try {
            StoredEntry stored = mapper.readValue(bytes, StoredEntry.class);
            return new AuditEntry(Instant.ofEpochMilli(stored.t()), stored.e(), stored.app(), stored.user(),
                stored.grant(), stored.src(), stored.detail() == null ? "" : stored.detail());
        } catch (IOException e) {
            throw new StoreException("The stored audit entry '" + key + "' cannot be read", e);
        }
    }
}
