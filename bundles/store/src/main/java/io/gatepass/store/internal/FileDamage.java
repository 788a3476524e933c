package io.gatepass.store.internal;

import java.nio.file.Path;

import io.gatepass.api.StoreException;

/** The errors that stop the store from opening over files it cannot trust. */
final class FileDamage {

    private static final String REFUSAL = " Gatepass will not start over existing data; "
            + "restore a backup or move the folder away.";

    private FileDamage() {
    }

    static StoreException damaged(Path file, String problem, long offset) {
        return new StoreException("The Gatepass store file " + file + " is damaged: " + problem
                + " at byte " + offset + "." + REFUSAL);
    }

    /** For a broken record that cannot be a write cut short, as a later one made it to disk. */
    static StoreException damagedBefore(Path file, String problem, long offset, long later) {
        return new StoreException("The Gatepass store file " + file + " is damaged: " + problem
                + " at byte " + offset + ", before an intact record written later at byte "
                + later + "." + REFUSAL);
    }

    static StoreException unknownVersion(Path file, int version) {
        return new StoreException("The Gatepass store file " + file + " has format version "
                + version + "; this Gatepass reads version " + JournalFormat.VERSION
                + ". Start the Gatepass release that wrote it, or restore a backup.");
    }

    /** For a record that a read finds broken in a store that is open. */
    static StoreException unreadable(Path file, String problem, long offset) {
        return new StoreException("The Gatepass store file " + file + " cannot be read: "
                + problem + " at byte " + offset + ". Reopen the store, which checks every file, "
                + "and restore a backup if it refuses to open.");
    }

    static StoreException inconsistent(Path directory, String problem) {
        return new StoreException("The Gatepass store folder " + directory + " " + problem + "."
                + REFUSAL);
    }
}
