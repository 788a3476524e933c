package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one generation (its snapshot, if any, and its journal) opened for reading, and
 * where each record is in them. A location is a byte offset, with {@link #IN_JOURNAL} set when
 * it is in the journal; it points at a put change of a journal record or an entry of the
 * snapshot, which are laid out alike ({@link EntryReader}).
 *
 * <p>Readers {@link #pin} the generation while they read its files. When compaction replaces it,
 * it is {@link #retire retired}: its read channels are closed and its files deleted once the last
 * reader lets go, so a slow {@code forEach} finishes on the files it started on.
 */
final class Generation {

    /** Marks a location in the journal; offsets stay far below it. */
    static final long IN_JOURNAL = 1L << 62;

    private static final Logger LOG = LoggerFactory.getLogger(Generation.class);

    private final long number;
    private final Path snapshotPath;
    private final ReadChannel snapshot;
    private final ReadChannel journal;
    private final Locations locations;
    /** One for being current, one for each reader; at zero the files are closed. */
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile boolean retired;

    private Generation(long number, Path snapshotPath, ReadChannel snapshot, ReadChannel journal,
            Locations locations) {
        this.number = number;
        this.snapshotPath = snapshotPath;
        this.snapshot = snapshot;
        this.journal = journal;
        this.locations = locations;
    }

    /**
     * Opens the journal and, if it exists, the snapshot of a generation for reading.
     *
     * @param snapshot the snapshot of the generation, which need not exist
     */
    static Generation open(long number, Path snapshot, Path journal, Locations locations)
            throws IOException {
        ReadChannel snapshotChannel = Files.exists(snapshot) ? ReadChannel.open(snapshot) : null;
        try {
            return new Generation(number, snapshot, snapshotChannel, ReadChannel.open(journal),
                    locations);
        } catch (IOException e) {
            if (snapshotChannel != null) {
                snapshotChannel.close();
            }
            throw e;
        }
    }

    static long inSnapshot(long offset) {
        return offset;
    }

    static long inJournal(long offset) {
        return IN_JOURNAL | offset;
    }

    static long offset(long location) {
        return location & ~IN_JOURNAL;
    }

    long number() {
        return number;
    }

    Locations locations() {
        return locations;
    }

    /** @return the file that holds the location */
    ReadChannel file(long location) {
        if ((location & IN_JOURNAL) != 0) {
            return journal;
        }
        if (snapshot == null) {
            throw new IllegalStateException("Generation " + number + " has no snapshot, yet a "
                    + "record is said to be in it at byte " + location);
        }
        return snapshot;
    }

    /** Keeps the files open until {@link #release}; only while the generation is current. */
    void pin() {
        references.incrementAndGet();
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            closeFiles();
            if (retired) {
                delete(journal.path());
                delete(snapshotPath);
            }
        }
    }

    /** Lets go of the generation as the current one, deleting its files once nobody reads them. */
    void retire() {
        retired = true;
        release();
    }

    private void closeFiles() {
        for (ReadChannel file : new ReadChannel[] {snapshot, journal}) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warn("Could not close {}", file.path(), e);
                }
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; the next start deletes it", file, e);
        }
    }
}
