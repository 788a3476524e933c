package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

import io.gatepass.api.StoreException;
import io.gatepass.store.internal.DiskFaults.Step;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces generation g (snapshot g, if any, and journal g) by generation g+1 (a snapshot of
 * the records and an empty journal). Runs on the writer thread, so no batch changes the records
 * meanwhile. The values are not in memory: each live record is copied from the files of g into
 * the snapshot, collection by collection in file order, so the old files are read front to back,
 * and the locations of g+1 are built on the way. Each step, and what a crash right after it
 * leaves:
 * <ol>
 * <li>Write and force {@code snapshot-(g+1).gps.tmp}. Crash: recovery starts from g and deletes
 * the temporary file.
 * <li>Rename it to {@code snapshot-(g+1).gps}, atomically: the commit point. Crash: recovery
 * finds either name. With the new one it starts from g+1 and creates the missing journal; it holds
 * everything acknowledged, as nothing was written since the snapshot.
 * <li>Create and force {@code journal-(g+1).gpj} with its header. Crash: as above, or the journal
 * is there, empty, or cut short in its header, which recovery writes again.
 * <li>Force the folder, so that the rename and the new journal are on disk before any batch is
 * acknowledged from journal g+1; else a power cut could bring back g without those batches.
 * <li>Make g+1 current for readers, then delete the files of g as soon as no reader uses them
 * (a {@code forEach} that began on g finishes on g). Crash: recovery deletes what is left of
 * them.
 * </ol>
 * If a step fails rather than crashes, the store stays on g, readers included, undoing step 2 if
 * it was done: once snapshot g+1 exists, batches appended to journal g would be ignored by the
 * next start. If that undo fails too, the store stops writing; a reopen starts from g+1 and loses
 * nothing.
 */
final class Compactor {

    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

    private final StoreDirectory directory;
    private final Records records;
    private final DiskFaults faults;

    Compactor(StoreDirectory directory, Records records, DiskFaults faults) {
        this.directory = directory;
        this.records = records;
        this.faults = faults;
    }

    /**
     * @return the journal of the next generation, or {@code current} if compaction failed and
     *         was undone
     * @throws StoreException if compaction failed and could not be undone
     */
    JournalFile compact(JournalFile current, long lastSequence) {
        long generation = current.generation();
        long next = generation + 1;
        Path temporary = directory.temporarySnapshot(next);
        Path snapshot = directory.snapshot(next);
        Locations compacted;
        try {
            faults.before(Step.WRITE_SNAPSHOT, temporary);
            compacted = writeSnapshot(temporary, next, lastSequence);
            faults.before(Step.RENAME_SNAPSHOT, snapshot);
            Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | StoreException e) {
            // A record of g that cannot be read is no reason to stop writing: g stays as it is.
            LOG.error("Could not write {}; the store keeps appending to {}", snapshot,
                    current.path(), e);
            deleteQuietly(temporary);
            return current;
        }

        JournalFile created = null;
        Generation opened = null;
        try {
            created = JournalFile.create(directory, next, faults);
            opened = Generation.open(next, snapshot, created.path(), compacted);
            directory.force();
        } catch (IOException e) {
            closeQuietly(created);
            if (opened != null) {
                opened.release();
            }
            return undo(current, snapshot, e);
        }

        closeQuietly(current);
        records.publish(opened);
        try {
            directory.force();
        } catch (IOException e) {
            LOG.debug("Could not force {} after deleting generation {}; the next start deletes "
                    + "whatever is left", directory.path(), generation, e);
        }
        LOG.debug("Compacted {} ({} bytes) into {}", current.path(), current.size(), snapshot);
        return created;
    }

    /**
     * Copies every record of the current generation into a snapshot and finishes it.
     *
     * @return where each record is in the snapshot
     * @throws StoreException if a record is not where the current locations say
     */
    private Locations writeSnapshot(Path file, long generation, long lastSequence)
            throws IOException {
        Generation source = records.current();
        Locations compacted = new Locations();
        KeyDigest digest = new KeyDigest();
        EntryReader reader = new EntryReader(source, EntryReader.LARGE_WINDOW);
        try (SnapshotFile.Writer out = SnapshotFile.create(directory, file, generation,
                lastSequence)) {
            for (Map.Entry<String, LocationTable> collection
                    : source.locations().tables().entrySet()) {
                LocationTable table = collection.getValue();
                long[] locations = table.locations();
                if (locations.length == 0) {
                    continue;
                }
                Arrays.sort(locations);
                LocationTable copy = compacted.tableFor(collection.getKey(), locations.length);
                for (long location : locations) {
                    reader.readAt(location);
                    digest.of(reader.key());
                    if (!reader.collection().equals(collection.getKey())
                            || table.get(digest.high(), digest.low()) != location) {
                        throw FileDamage.unreadable(source.file(location).path(), "the record "
                                + "there, key '" + reader.key() + "' of collection '"
                                + reader.collection() + "', is not the one the store expected",
                                Generation.offset(location));
                    }
                    long at = out.append(reader.buffer(), reader.entryStart(),
                            reader.entryLength());
                    copy.put(digest.high(), digest.low(), Generation.inSnapshot(at));
                }
            }
            out.finish();
        }
        return compacted;
    }

    private JournalFile undo(JournalFile current, Path snapshot, IOException cause) {
        Path journal = directory.journal(current.generation() + 1);
        try {
            // The journal goes first: a journal without its snapshot would stop the next start.
            Files.deleteIfExists(journal);
            directory.force();
            Files.deleteIfExists(snapshot);
            directory.force();
        } catch (IOException e) {
            e.addSuppressed(cause);
            throw new StoreException("The Gatepass store at " + directory.path() + " stopped "
                    + "writing: compaction could not create " + journal + " (" + cause.getMessage()
                    + ") nor go back to " + current.path() + " (" + e.getMessage() + "). Reopen "
                    + "the store; it will start from " + snapshot.getFileName() + ".", e);
        }
        LOG.error("Could not create {}; the store keeps appending to {}", journal, current.path(),
                cause);
        return current;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; the next start deletes it", file, e);
        }
    }

    private static void closeQuietly(JournalFile journal) {
        if (journal == null) {
            return;
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("Could not close {}", journal.path(), e);
        }
    }
}
