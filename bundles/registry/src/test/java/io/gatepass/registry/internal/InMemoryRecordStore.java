package io.gatepass.registry.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.gatepass.api.StoreException;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

/** A RecordStore in memory for registry tests; can be told to fail the next write. */
final class InMemoryRecordStore implements RecordStore {

    private final Map<String, Map<String, byte[]>> collections = new ConcurrentHashMap<>();
    private volatile boolean failNextWrite;
    private int writes;

    void failNextWrite() {
        failNextWrite = true;
    }

    int writes() {
        return writes;
    }

    @Override
    public Optional<byte[]> read(String collection, String key) {
        return Optional.ofNullable(collections.getOrDefault(collection, Map.of()).get(key)).map(byte[]::clone);
    }

    @Override
    public void forEach(String collection, BiConsumer<String, byte[]> action) {
        collections.getOrDefault(collection, Map.of()).forEach((key, value) -> action.accept(key, value.clone()));
    }

    @Override
    public synchronized void write(WriteBatch batch) {
        if (failNextWrite) {
            failNextWrite = false;
            throw new StoreException("Could not write to the test store: No space left on device");
        }
        writes++;
        for (WriteBatch.Change change : batch.changes()) {
            Map<String, byte[]> records =
                collections.computeIfAbsent(change.collection(), c -> new ConcurrentHashMap<>());
            if (change.isDelete()) {
                records.remove(change.key());
            } else {
                records.put(change.key(), change.value().clone());
            }
        }
    }

    @Override
    public String location() {
        return "memory";
    }
}
