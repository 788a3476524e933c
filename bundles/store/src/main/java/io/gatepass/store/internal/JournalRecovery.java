package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import io.gatepass.api.StoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the journal of the current generation into the record locations, telling a write cut
 * short by a crash (set aside, then cut off) from damage (refused).
 *
 * <p>The writer acknowledges a group only after forcing it, and starts the next group only after
 * that. So a crash can leave unfinished records only in the last group of the file, and since the
 * blocks of an unforced write may reach the disk in any order, that group may hold intact records
 * after a broken one. A broken record is therefore an unfinished write when no intact record of a
 * later group follows it; if one does, the broken record had been forced, and it is damage. A bit
 * flip in the last group cannot be told apart from an unfinished write: it is set aside as one,
 * and the warning in the log and the kept bytes are what is left of it.
 */
final class JournalRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    private final StoreDirectory directory;
    private final Path file;
    private final long generation;
    private final KeyDigest digest = new KeyDigest();

    JournalRecovery(StoreDirectory directory, long generation) {
        this.directory = directory;
        this.file = directory.journal(generation);
        this.generation = generation;
    }

    /**
     * Points the keys of every intact batch after {@code afterSequence} at their changes in the
     * journal, or removes them for a delete.
     *
     * @return the last sequence number and the size of the journal once any torn tail is cut off
     * @throws StoreException if the journal is damaged
     */
    Replayed replay(Locations locations, long afterSequence) throws IOException {
        long fileSize = Files.size(file);
        if (fileSize > Integer.MAX_VALUE - 64) {
            throw new StoreException("The Gatepass journal " + file + " is " + fileSize
                    + " bytes, more than the store reads at once; lower its compaction size.");
        }
        byte[] journal = Files.readAllBytes(file);
        if (journal.length < JournalFormat.HEADER_BYTES) {
            rewriteTornHeader(journal);
            return new Replayed(afterSequence, JournalFormat.HEADER_BYTES);
        }
        JournalFormat.checkHeader(file, ByteBuffer.wrap(journal), JournalFormat.JOURNAL_MAGIC,
                generation);

        long last = afterSequence;
        int at = JournalFormat.HEADER_BYTES;
        while (at < journal.length) {
            JournalFormat.RecordAt record = JournalFormat.readRecord(journal, at);
            if (!record.isIntact()) {
                setTornTailAside(journal, at, record.problem(), last);
                break;
            }
            if (record.sequence() <= last) {
                throw FileDamage.damaged(file, "sequence number " + record.sequence()
                        + " follows " + last, at);
            }
            apply(locations, journal, record, at);
            last = record.sequence();
            at = record.end();
        }
        return new Replayed(last, at);
    }

    private void apply(Locations locations, byte[] journal, JournalFormat.RecordAt record,
            int at) {
        try {
            JournalFormat.forEachChange(journal, record.payload(), record.length(),
                    (collection, key, delete, offset) -> {
                        digest.of(key);
                        if (delete) {
                            locations.remove(collection, digest.high(), digest.low());
                        } else {
                            locations.put(collection, digest.high(), digest.low(),
                                    Generation.inJournal(offset));
                        }
                    });
        } catch (IOException e) {
            throw FileDamage.damaged(file, "unreadable record (" + e.getMessage() + ")", at);
        }
    }

    /**
     * A journal shorter than its header holds no record: the header is forced before the first
     * record is appended, and the store never cuts a journal below it. So it was cut short while
     * being created (first start, or compaction), and writing the header again loses nothing.
     * Bytes that are not the start of the expected header are someone else's file: refused.
     */
    private void rewriteTornHeader(byte[] journal) throws IOException {
        byte[] expected = JournalFormat.header(JournalFormat.JOURNAL_MAGIC, generation).array();
        if (!Arrays.equals(journal, Arrays.copyOf(expected, journal.length))) {
            throw FileDamage.damaged(file, "it is " + journal.length
                    + " bytes, too short for a journal header, and not the start of one", 0);
        }
        LOG.warn("The Gatepass journal {} was cut short at {} bytes while it was being created; "
                + "writing its header again", file, journal.length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.wrap(expected);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.force(true);
        }
    }

    private void setTornTailAside(byte[] journal, int at, String problem, long last)
            throws IOException {
        long badSequence = last + 1;
        int later = findRecordOfLaterGroup(journal, at + 1, badSequence);
        if (later >= 0) {
            throw FileDamage.damagedBefore(file, problem, at, later);
        }

        // Keep the bytes before cutting them off, so that a crash in between loses nothing.
        Path torn = writeTornCopy(journal, at);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(at);
            channel.force(true);
        }
        LOG.warn("The Gatepass journal {} ended with {} bytes that are no intact record ({} at "
                + "byte {}): a write cut short by a crash, so never acknowledged. Kept the {} "
                + "bytes before them and moved them to {}",
                file, journal.length - at, problem, at, at, torn);
    }

    /**
     * @return the offset of an intact record that a group after the broken record's wrote, or -1
     */
    private static int findRecordOfLaterGroup(byte[] journal, int from, long badSequence) {
        ByteBuffer bytes = ByteBuffer.wrap(journal);
        int lastStart = journal.length - JournalFormat.RECORD_HEADER_BYTES
                - JournalFormat.MIN_PAYLOAD_BYTES;
        for (int at = from; at <= lastStart; at++) {
            // Cheap tests first: a checksum over every plausible offset would be slow.
            int length = bytes.getInt(at);
            if (length < JournalFormat.MIN_PAYLOAD_BYTES
                    || length > journal.length - at - JournalFormat.RECORD_HEADER_BYTES) {
                continue;
            }
            int payload = at + JournalFormat.RECORD_HEADER_BYTES;
            if (bytes.getLong(payload) < badSequence || bytes.getLong(payload + 8) <= badSequence) {
                continue;
            }
            if (JournalFormat.readRecord(journal, at).isIntact()) {
                return at;
            }
        }
        return -1;
    }

    private Path writeTornCopy(byte[] journal, int at) throws IOException {
        long millis = System.currentTimeMillis();
        while (true) {
            Path torn = file.resolveSibling(file.getFileName() + ".torn-" + millis);
            try (FileChannel channel = directory.openOwnerOnly(torn, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer tail = ByteBuffer.wrap(journal, at, journal.length - at);
                while (tail.hasRemaining()) {
                    channel.write(tail);
                }
                channel.force(true);
                directory.force();
                return torn;
            } catch (FileAlreadyExistsException e) {
                millis++;
            }
        }
    }

    /** The state after replay. */
    record Replayed(long lastSequence, long size) {
    }
}
