package io.gatepass.store.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.gatepass.spi.WriteBatch.Change;

/**
 * The current records, in memory. Only the writer thread (or recovery, before it starts) changes
 * them; readers never wait for it. A reader that runs while a batch is applied may see part of
 * that batch, which is already durable by then.
 */
final class Records {

    private final Map<String, ConcurrentHashMap<String, byte[]>> collections =
            new ConcurrentHashMap<>();

    Optional<byte[]> read(String collection, String key) {
        Map<String, byte[]> records = collections.get(collection);
        byte[] value = records == null ? null : records.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    void forEach(String collection, BiConsumer<String, byte[]> action) {
        Map<String, byte[]> records = collections.get(collection);
        if (records != null) {
            records.forEach((key, value) -> action.accept(key, value.clone()));
        }
    }

    /** Hands every record to the visitor without copying; for the snapshot writer only. */
    void forEachRecord(RecordVisitor visitor) throws IOException {
        for (Map.Entry<String, ConcurrentHashMap<String, byte[]>> collection
                : collections.entrySet()) {
            for (Map.Entry<String, byte[]> record : collection.getValue().entrySet()) {
                visitor.visit(collection.getKey(), record.getKey(), record.getValue());
            }
        }
    }

    /** Applies a change whose value nobody else holds a reference to. */
    void apply(Change change) {
        if (change.isDelete()) {
            Map<String, byte[]> records = collections.get(change.collection());
            if (records != null) {
                records.remove(change.key());
            }
        } else {
            collections.computeIfAbsent(change.collection(), name -> new ConcurrentHashMap<>())
                    .put(change.key(), change.value());
        }
    }

    /** @return the number of records in each collection that has any */
    SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        collections.forEach((name, records) -> {
            if (!records.isEmpty()) {
                counts.put(name, records.size());
            }
        });
        return counts;
    }

    /** Receives records one by one. */
    @FunctionalInterface
    interface RecordVisitor {
        void visit(String collection, String key, byte[] value) throws IOException;
    }
}
