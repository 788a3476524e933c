package io.gatepass.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Changes to a {@link RecordStore} that are applied together or not at all. */
public final class WriteBatch {

    /**
     * One change: a put when {@code value} is not null, else a delete.
     *
     * @param collection the collection
     * @param key the key
     * @param value the new record, or null to delete the key
     */
    public record Change(String collection, String key, byte[] value) {

        /** @return whether this change deletes the record */
        public boolean isDelete() {
            return value == null;
        }

        @Override
        public String toString() {
            return (isDelete() ? "delete " : "put ") + collection + "/" + key;
        }
    }

    private final List<Change> changes = new ArrayList<>();

    /** @return the batch, with the record put (created or replaced) */
    public WriteBatch put(String collection, String key, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("value of " + collection + "/" + key + " is null");
        }
        changes.add(new Change(collection, key, value.clone()));
        return this;
    }

    /** @return the batch, with the record deleted; deleting a missing key is no error */
    public WriteBatch delete(String collection, String key) {
        changes.add(new Change(collection, key, null));
        return this;
    }

    /** @return the changes, in the order they were added */
    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    /** @return whether the batch holds no change */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
