package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gatepass.api.StoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the current generation in a locked folder, loads its snapshot and journal, and removes
 * what an interrupted compaction left behind.
 *
 * <p>Compaction makes generation g+1 current by renaming its forced snapshot into place; only
 * then does it create journal g+1 and delete the files of g. So the newest snapshot always holds
 * everything acknowledged before it, its journal everything after, and every older file is
 * garbage. Files that this order cannot produce (a journal newer than every snapshot, a folder
 * with store files but no journal to start from) mean that something else touched the folder:
 * the store refuses rather than start over data it does not understand.
 */
final class StoreRecovery {

    /** The generation of a store that has never compacted: a journal and no snapshot. */
    static final long FIRST_GENERATION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private StoreRecovery() {
    }

    /**
     * @return the records, with their files open for reading, and the journal to append to
     * @throws StoreException if a file is damaged or the files do not fit together
     */
    static Recovered recover(StoreDirectory directory, DiskFaults faults) throws IOException {
        StoreDirectory.Listing listing = directory.list();
        Locations locations = new Locations();
        long generation = FIRST_GENERATION;
        long lastSequence = 0;
        if (!listing.snapshots().isEmpty()) {
            generation = listing.snapshots().lastKey();
            lastSequence = SnapshotFile.read(listing.snapshots().lastEntry().getValue(),
                    generation, locations);
        }
        checkJournalsFit(directory, listing, generation);

        JournalFile journal;
        if (listing.journals().containsKey(generation)) {
            JournalRecovery.Replayed replayed = new JournalRecovery(directory, generation)
                    .replay(locations, lastSequence);
            lastSequence = replayed.lastSequence();
            journal = JournalFile.open(directory, generation, replayed.size(), faults);
        } else if (!listing.snapshots().isEmpty() || listing.isEmpty()) {
            // A new folder, or a compaction that stopped between its snapshot and its journal.
            journal = JournalFile.create(directory, generation, faults);
            directory.force();
        } else {
            throw FileDamage.inconsistent(directory.path(), "holds Gatepass files but neither "
                    + directory.journal(generation).getFileName()
                    + " nor a snapshot to start from");
        }

        deleteLeftovers(directory, listing, generation);
        Generation files;
        try {
            files = Generation.open(generation, directory.snapshot(generation),
                    directory.journal(generation), locations);
        } catch (IOException e) {
            journal.close();
            throw e;
        }
        return new Recovered(new Records(directory.path(), files), lastSequence, journal);
    }

    private static void checkJournalsFit(StoreDirectory directory,
            StoreDirectory.Listing listing, long generation) {
        for (long found : listing.journals().keySet()) {
            boolean newer = found > generation;
            boolean olderWithoutSnapshot = found < generation && listing.snapshots().isEmpty();
            if (newer || olderWithoutSnapshot) {
                throw FileDamage.inconsistent(directory.path(), "holds "
                        + directory.journal(found).getFileName() + " but not "
                        + directory.snapshot(found).getFileName() + ", which it continues");
            }
        }
    }

    /** Failing to delete is no reason to refuse: the next start tries again. */
    private static void deleteLeftovers(StoreDirectory directory, StoreDirectory.Listing listing,
            long generation) {
        List<Path> leftovers = new ArrayList<>(listing.temporary());
        leftovers.addAll(listing.snapshots().headMap(generation).values());
        leftovers.addAll(listing.journals().headMap(generation).values());
        try {
            for (Path leftover : leftovers) {
                LOG.debug("Deleting {}, left behind by an interrupted compaction", leftover);
                Files.deleteIfExists(leftover);
            }
            if (!leftovers.isEmpty()) {
                directory.force();
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the files an interrupted compaction left in {}",
                    directory.path(), e);
        }
    }

    /** What the store starts with. */
    record Recovered(Records records, long lastSequence, JournalFile journal) {
    }
}
