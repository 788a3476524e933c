package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import io.gatepass.api.StoreException;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

/**
 * The embedded store: every write appended to a checksummed journal in one folder and forced
 * before it returns, the journal compacted into a snapshot as it grows. Memory holds only where
 * each record is in those files; reads fetch it from there (usually the OS page cache).
 * Usable without OSGi; one instance per folder, which a lock file enforces across processes.
 */
public final class JournalStore implements RecordStore, AutoCloseable {

    /**
     * How the store runs.
     *
     * @param compactAfterBytes the journal size past which the writer compacts it into a snapshot
     */
    public record Options(long compactAfterBytes) {

        public Options {
            if (compactAfterBytes < 1) {
                throw new IllegalArgumentException("compactAfterBytes must be positive, not "
                        + compactAfterBytes);
            }
        }

        /** @return compaction after 64 MiB of journal */
        public static Options defaults() {
            return new Options(64L * 1024 * 1024);
        }
    }

    private final StoreDirectory directory;
    private final Records records;
    private final JournalWriter writer;

    private JournalStore(StoreDirectory directory, Records records, JournalWriter writer) {
        this.directory = directory;
        this.records = records;
        this.writer = writer;
    }

    /**
     * Opens the store in a folder, creating the folder if it is missing, and recovers its records.
     *
     * @throws StoreException if another store has the folder open, a file in it is damaged or of
     *         another format version, or the folder cannot be read or written
     */
    public static JournalStore open(Path directory, Options options) {
        return open(directory, options, DiskFaults.NONE);
    }

    static JournalStore open(Path folder, Options options, DiskFaults faults) {
        StoreDirectory directory;
        try {
            directory = StoreDirectory.lock(folder);
        } catch (IOException e) {
            throw new StoreException("Could not open the Gatepass store at " + folder + ": " + e,
                    e);
        }
        StoreRecovery.Recovered recovered = null;
        try {
            recovered = StoreRecovery.recover(directory, faults);
            JournalWriter writer = new JournalWriter(directory, recovered,
                    options.compactAfterBytes(), faults);
            writer.start();
            return new JournalStore(directory, recovered.records(), writer);
        } catch (IOException | RuntimeException e) {
            if (recovered != null) {
                recovered.records().close();
                closeQuietly(recovered.journal(), e);
            }
            unlock(directory, e);
            if (e instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("Could not open the Gatepass store at " + directory.path()
                    + ": " + e, e);
        }
    }

    private static void closeQuietly(JournalFile journal, Exception failure) {
        try {
            journal.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void unlock(StoreDirectory directory, Exception failure) {
        try {
            directory.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Reads the record from the store files: one positional read, usually served by the OS page
     * cache. A caller's interrupt neither fails the read nor is lost.
     *
     * @throws StoreException if the store is closed or the file cannot be read
     */
    @Override
    public Optional<byte[]> read(String collection, String key) {
        return records.read(collection, key);
    }

    /**
     * Hands out the records as they were when the call began, read from the files in file order;
     * no lock is held while the action runs.
     *
     * @throws StoreException if the store is closed or a file cannot be read
     */
    @Override
    public void forEach(String collection, BiConsumer<String, byte[]> action) {
        records.forEach(collection, action);
    }

    @Override
    public void write(WriteBatch batch) {
        writer.checkOpen();
        if (batch.isEmpty()) {
            return;
        }

        CompletableFuture<Void> done = writer.submit(JournalFormat.encode(batch));
        try {
            // join() ignores interrupts: a caller must learn whether its batch is durable.
            done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof StoreException ? cause.getMessage()
                    : "The Gatepass store at " + directory.path() + " could not write: " + cause;
            // A new exception, so that the stack trace shows this caller, not the writer thread.
            throw new StoreException(message, cause);
        }
    }

    @Override
    public String location() {
        return directory.path().toString();
    }

    /** @return how many times the journal was forced to disk since the store was opened */
    public long syncCount() {
        return writer.syncCount();
    }

    /** @return the number of records in each collection that has any, by collection name */
    public SortedMap<String, Integer> recordCounts() {
        return records.counts();
    }

    /**
     * Writes what is queued, closes the files (once reads in progress are done with them) and
     * releases the folder. Later reads and writes fail.
     */
    @Override
    public void close() {
        writer.close();
        records.close();
        try {
            directory.close();
        } catch (IOException e) {
            throw new StoreException("Could not release the lock of the Gatepass store at "
                    + directory.path() + ": " + e.getMessage(), e);
        }
    }
}
