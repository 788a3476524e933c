package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

import io.gatepass.api.StoreException;
import io.gatepass.store.internal.JournalFormat.EncodedBatch;
import io.gatepass.store.internal.JournalFormat.EncodedChange;

/**
 * The current records: values stay in the files, and memory holds only where the newest record
 * of each key is ({@link Generation}, {@link LocationTable}). A read looks up the location under a
 * read lock and reads the record from the file after letting go of it; the writer thread changes
 * the tables under the write lock, one whole write group at a time, so a reader sees a group
 * entirely or not at all. Every consumer loads its collection once with {@code forEach} and keeps
 * its own objects, so reads are rare and the lock costs nothing that matters.
 */
final class Records implements AutoCloseable {

    private final Path folder;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@code lock}; null once closed. */
    private Generation current;

    Records(Path folder, Generation first) {
        this.folder = folder;
        this.current = first;
    }

    /** @throws StoreException if the store is closed or a file cannot be read */
    Optional<byte[]> read(String collection, String key) {
        KeyDigest digest = new KeyDigest().of(key);
        Generation generation;
        long location;
        lock.readLock().lock();
        try {
            generation = open();
            LocationTable table = generation.locations().table(collection);
            location = table == null ? LocationTable.NONE : table.get(digest.high(), digest.low());
            if (location == LocationTable.NONE) {
                return Optional.empty();
            }
            generation.pin();
        } finally {
            lock.readLock().unlock();
        }

        try {
            EntryReader reader = new EntryReader(generation, EntryReader.SMALL_WINDOW);
            reader.readAt(location);
            if (!reader.collection().equals(collection) || !reader.key().equals(key)) {
                throw misplaced(generation, location, collection, key, reader);
            }
            return Optional.of(reader.value());
        } catch (IOException e) {
            throw couldNotRead(generation, location, e);
        } finally {
            generation.release();
        }
    }

    /**
     * Hands every record of the collection to the action, as it was when the call began. The
     * action runs without any lock held, so it may be slow; the files it reads from stay open
     * even if a compaction replaces them meanwhile.
     *
     * @throws StoreException if the store is closed or a file cannot be read
     */
    void forEach(String collection, BiConsumer<String, byte[]> action) {
        Generation generation;
        long[] locations;
        lock.readLock().lock();
        try {
            generation = open();
            LocationTable table = generation.locations().table(collection);
            if (table == null || table.size() == 0) {
                return;
            }
            locations = table.locations();
            generation.pin();
        } finally {
            lock.readLock().unlock();
        }

        long location = LocationTable.NONE;
        try {
            // In file order: each file is read front to back, in large pieces.
            Arrays.sort(locations);
            EntryReader reader = new EntryReader(generation, EntryReader.LARGE_WINDOW);
            for (int i = 0; i < locations.length; i++) {
                location = locations[i];
                reader.readAt(location);
                if (!reader.collection().equals(collection)) {
                    throw misplaced(generation, location, collection, null, reader);
                }
                action.accept(reader.key(), reader.value());
            }
        } catch (IOException e) {
            throw couldNotRead(generation, location, e);
        } finally {
            generation.release();
        }
    }

    /**
     * Points the keys of a durable write group at their records; on the writer thread only.
     *
     * @param bodies where the encoded changes of each batch start in the journal
     */
    void apply(List<EncodedBatch> batches, long[] bodies) {
        lock.writeLock().lock();
        try {
            Locations locations = current.locations();
            for (int i = 0; i < batches.size(); i++) {
                for (EncodedChange change : batches.get(i).changes()) {
                    if (change.isDelete()) {
                        locations.remove(change.collection(), change.keyHigh(), change.keyLow());
                    } else {
                        locations.put(change.collection(), change.keyHigh(), change.keyLow(),
                                Generation.inJournal(bodies[i] + change.offset()));
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * @return the current generation; on the writer thread only, which may read its tables
     *         without the lock as it is the only thread that changes them
     */
    Generation current() {
        return current;
    }

    /** Makes a compacted generation current and retires the one before; on the writer thread. */
    void publish(Generation next) {
        Generation previous;
        lock.writeLock().lock();
        try {
            previous = current;
            current = next;
        } finally {
            lock.writeLock().unlock();
        }
        previous.retire();
    }

    /** @return the number of records in each collection that has any */
    SortedMap<String, Integer> counts() {
        lock.readLock().lock();
        try {
            return open().locations().counts();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the files once no reader uses them; later reads fail. */
    @Override
    public void close() {
        Generation closing;
        lock.writeLock().lock();
        try {
            closing = current;
            current = null;
        } finally {
            lock.writeLock().unlock();
        }
        if (closing != null) {
            closing.release();
        }
    }

    private Generation open() {
        if (current == null) {
            throw new StoreException("The Gatepass store at " + folder + " is closed");
        }
        return current;
    }

    private static StoreException couldNotRead(Generation generation, long location,
            IOException e) {
        return new StoreException("Could not read " + generation.file(location).path()
                + " at byte " + Generation.offset(location) + ": " + e.getMessage(), e);
    }

    /** Keys and collection names may appear in messages; values never do. */
    private static StoreException misplaced(Generation generation, long location,
            String collection, String key, EntryReader found) {
        String wanted = key == null ? "a record of collection '" + collection + "'"
                : "key '" + key + "' of collection '" + collection + "'";
        return FileDamage.unreadable(generation.file(location).path(), "the record found for "
                + wanted + " is key '" + found.key() + "' of collection '" + found.collection()
                + "'", Generation.offset(location));
    }
}
