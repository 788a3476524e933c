package io.gatepass.spi;

import java.util.Optional;
import java.util.function.BiConsumer;

import io.gatepass.api.StoreException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable storage of small records, grouped in named collections and found by key. The
 * embedded store and the JDBC store both provide it; the registry and the token service use it
 * and know nothing of files or tables.
 *
 * <p>Reads see every write that has returned and nothing of a write that has not. In the
 * embedded store a read fetches one record from the files (usually the OS page cache), and
 * {@code forEach} reads the collection's records in file order; consumers load once and keep
 * their own objects.
 */
@ProviderType
public interface RecordStore {

    /**
     * @param collection the collection, e.g. {@code apps}
     * @param key the key in it
     * @return a copy of the record, empty if there is none
     */
    Optional<byte[]> read(String collection, String key);

    /**
     * Hands every record of a collection to the action, in no particular order. The action must
     * not write to the store.
     */
    void forEach(String collection, BiConsumer<String, byte[]> action);

    /**
     * Applies every change of the batch, all or none, and returns once they are durable: a crash
     * of the process or of the machine after the return loses none of them.
     *
     * @throws StoreException if the batch could not be made durable; none of it is then applied
     */
    void write(WriteBatch batch);

    /** @return where the records are kept, for operators, e.g. the folder of the embedded store */
    String location();
}
