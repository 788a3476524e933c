package io.gatepass.tokens.internal;

import java.util.Optional;
import java.util.function.BiConsumer;

import io.gatepass.api.StoreException;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

/** Passes everything to a real store, but can be told to fail the next write as a full disk would. */
final class FaultyStore implements RecordStore {

    private final RecordStore delegate;
    private volatile boolean failNext;

    FaultyStore(RecordStore delegate) {
        this.delegate = delegate;
    }

    /** Runs after every write that succeeded, e.g. to move the test's clock as a slow disk would. */
    volatile Runnable afterWrite;

    void failNextWrite() {
        failNext = true;
    }

    @Override
    public Optional<byte[]> read(String collection, String key) {
        return delegate.read(collection, key);
    }

    @Override
    public void forEach(String collection, BiConsumer<String, byte[]> action) {
        delegate.forEach(collection, action);
    }

    @Override
    public void write(WriteBatch batch) {
        if (failNext) {
            failNext = false;
            throw new StoreException("Could not write to the journal: No space left on device");
        }
        delegate.write(batch);
        Runnable after = afterWrite;
        if (after != null) {
            after.run();
        }
    }

    @Override
    public String location() {
        return delegate.location();
    }
}
