package io.gatepass.store.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;
import io.gatepass.spi.WriteBatch.Change;

/**
 * The bytes of the journal and snapshot files: file headers, and journal records of the form
 * {@code [int payload length][int CRC32C of payload][payload]} where the payload is
 * {@code [long sequence][long first sequence of its group][int change count][changes]} and a
 * change is {@code [byte op][UTF collection][UTF key]} plus {@code [int length][value]} for a put.
 * All numbers are big-endian. A put change is laid out like a snapshot entry, so the store finds
 * a record in either kind of file by its offset alone ({@link EntryReader}).
 */
final class JournalFormat {

    /** "GPJR": a Gatepass journal. */
    static final int JOURNAL_MAGIC = 0x47504A52;
    /** "GPSN": a Gatepass snapshot. */
    static final int SNAPSHOT_MAGIC = 0x4750534E;
    static final int VERSION = 1;
    /** magic, version, generation. */
    static final int HEADER_BYTES = 16;
    /** payload length and checksum in front of every journal record. */
    static final int RECORD_HEADER_BYTES = 8;
    /** sequence number, first sequence number of the group, change count. */
    static final int MIN_PAYLOAD_BYTES = 20;
    /** what the writer puts in front of the encoded changes. */
    private static final int SEQUENCE_BYTES = 16;
    /**
     * Bounds one batch, so a damaged length field cannot make recovery allocate gigabytes, and a
     * runaway caller cannot hold the writer on one record.
     */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    static final byte PUT = 1;
    static final byte DELETE = 2;

    private JournalFormat() {
    }

    static ByteBuffer header(int magic, long generation) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .putInt(magic)
                .putInt(VERSION)
                .putLong(generation)
                .flip();
    }

    /**
     * Checks the header at the start of {@code bytes}, which hold at least {@link #HEADER_BYTES}.
     *
     * @throws StoreException if it is not the header of that kind of file and generation
     */
    static void checkHeader(Path file, ByteBuffer bytes, int magic, long generation) {
        int foundMagic = bytes.getInt(0);
        if (foundMagic != magic) {
            String kind = magic == JOURNAL_MAGIC ? "journal" : "snapshot";
            throw FileDamage.damaged(file, String.format(
                    "it does not start like a Gatepass %s (found 0x%08X)", kind, foundMagic), 0);
        }
        int version = bytes.getInt(4);
        if (version != VERSION) {
            throw FileDamage.unknownVersion(file, version);
        }
        long foundGeneration = bytes.getLong(8);
        if (foundGeneration != generation) {
            throw FileDamage.damaged(file, "it says generation " + foundGeneration
                    + " but its name says " + generation, 8);
        }
    }

    /**
     * Encodes the changes of a batch (the payload without its sequence number), so that nothing
     * the caller does to the batch later reaches the store, and digests their keys; on the
     * caller's thread, which spares the writer thread the work.
     *
     * @throws StoreException if a name is too long or the batch too big for one record
     */
    static EncodedBatch encode(WriteBatch batch) {
        List<EncodedChange> changes = new ArrayList<>(batch.changes().size());
        KeyDigest digest = new KeyDigest();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(batch.changes().size());
            for (Change change : batch.changes()) {
                digest.of(change.key());
                changes.add(new EncodedChange(change.collection(), digest.high(), digest.low(),
                        change.isDelete(), out.size()));
                writeChange(out, change.collection(), change.key(),
                        change.isDelete() ? null : change.value());
            }
        } catch (UTFDataFormatException e) {
            throw new StoreException("A collection name or key in the batch is longer than "
                    + "65535 bytes in UTF-8, which the Gatepass store does not take");
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        if (bytes.size() > MAX_PAYLOAD_BYTES - SEQUENCE_BYTES) {
            throw new StoreException("The batch takes " + bytes.size() + " bytes; the Gatepass "
                    + "store takes at most " + (MAX_PAYLOAD_BYTES - SEQUENCE_BYTES)
                    + " bytes in one write");
        }
        return new EncodedBatch(changes, bytes.toByteArray());
    }

    private static void writeChange(DataOutputStream out, String collection, String key,
            byte[] value) throws IOException {
        out.writeByte(value == null ? DELETE : PUT);
        out.writeUTF(collection);
        out.writeUTF(key);
        if (value != null) {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    /** @return the size of the journal record that holds the batch */
    static int recordBytes(EncodedBatch batch) {
        return RECORD_HEADER_BYTES + SEQUENCE_BYTES + batch.body().length;
    }

    /**
     * Puts the journal record of a batch at the buffer position. Recovery uses the first sequence
     * number of the group to tell an unfinished group write, whose blocks may reach the disk in
     * any order, from damage to records that were already forced.
     *
     * @return the position in the buffer where the encoded changes start
     */
    static int putRecord(ByteBuffer buffer, long sequence, long groupFirst, EncodedBatch batch) {
        int start = buffer.position();
        int payloadLength = SEQUENCE_BYTES + batch.body().length;
        buffer.putInt(payloadLength).putInt(0).putLong(sequence).putLong(groupFirst)
                .put(batch.body());
        buffer.putInt(start + 4, checksum(buffer.array(), start + RECORD_HEADER_BYTES,
                payloadLength));
        return start + RECORD_HEADER_BYTES + SEQUENCE_BYTES;
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Reads the journal record at {@code offset}: the problem is set when there is no intact
     * record there.
     */
    static RecordAt readRecord(byte[] journal, int offset) {
        if (journal.length - offset < RECORD_HEADER_BYTES) {
            return RecordAt.problem("the file ends inside a record header");
        }
        ByteBuffer bytes = ByteBuffer.wrap(journal);
        int length = bytes.getInt(offset);
        if (length < MIN_PAYLOAD_BYTES || length > MAX_PAYLOAD_BYTES) {
            return RecordAt.problem("impossible record length " + length);
        }
        int payload = offset + RECORD_HEADER_BYTES;
        if (length > journal.length - payload) {
            return RecordAt.problem("record length " + length + " runs past the end of the file");
        }
        if (checksum(journal, payload, length) != bytes.getInt(offset + 4)) {
            return RecordAt.problem("checksum mismatch");
        }
        return RecordAt.intact(bytes.getLong(payload), bytes.getLong(payload + 8), payload,
                length);
    }

    /**
     * Hands each change of an intact record to the visitor with its offset in the journal,
     * skipping the values. A checksum guards the bytes, so a failure here means a record that
     * was written wrong, not one damaged on disk.
     */
    static void forEachChange(byte[] journal, int payload, int length, ChangeVisitor visitor)
            throws IOException {
        int end = payload + length;
        ByteArrayInputStream bytes = new ByteArrayInputStream(journal, payload + SEQUENCE_BYTES,
                length - SEQUENCE_BYTES);
        DataInputStream in = new DataInputStream(bytes);
        int count = in.readInt();
        if (count < 0 || count > length) {
            throw new IOException("impossible change count " + count);
        }
        for (int i = 0; i < count; i++) {
            int at = end - bytes.available();
            byte op = in.readByte();
            String collection = in.readUTF();
            String key = in.readUTF();
            if (op == PUT) {
                skipValue(in);
            } else if (op != DELETE) {
                throw new IOException("unknown change type " + op);
            }
            visitor.visit(collection, key, op == DELETE, at);
        }
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes left over after the last change");
        }
    }

    private static void skipValue(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("impossible value length " + length);
        }
        in.skipNBytes(length);
    }

    /** Receives the changes of a journal record. */
    @FunctionalInterface
    interface ChangeVisitor {
        /** @param offset where the change starts in the journal */
        void visit(String collection, String key, boolean delete, int offset);
    }

    /** A batch encoded once by its caller, so the writer thread only frames and writes it. */
    record EncodedBatch(List<EncodedChange> changes, byte[] body) {
    }

    /**
     * What the writer needs of a change to point the key at it once it is durable.
     *
     * @param offset where the change starts in the encoded batch
     */
    record EncodedChange(String collection, long keyHigh, long keyLow, boolean isDelete,
            int offset) {
    }

    /** An intact record (problem null) or what is wrong at that offset. */
    record RecordAt(String problem, long sequence, long groupFirst, int payload, int length) {

        static RecordAt problem(String problem) {
            return new RecordAt(problem, 0, 0, 0, 0);
        }

        static RecordAt intact(long sequence, long groupFirst, int payload, int length) {
            return new RecordAt(null, sequence, groupFirst, payload, length);
        }

        boolean isIntact() {
            return problem == null;
        }

        int end() {
            return payload + length;
        }
    }
}
