package io.gatepass.store.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch.Change;

/**
 * All records at one sequence number. Layout after the {@link JournalFormat#header header}:
 * {@code [long last sequence]}, then per record {@code [byte 1][UTF collection][UTF key]
 * [int length][value]}, then {@code [byte 0][long record count][int CRC32C]} where the checksum
 * covers every byte before it, header included. A snapshot is read strictly: it was forced before
 * it got its name, so any flaw in it is damage, never an unfinished write.
 */
final class SnapshotFile {

    private static final byte ENTRY = 1;
    private static final byte END = 0;
    private static final int BUFFER_BYTES = 64 * 1024;

    private SnapshotFile() {
    }

    /** Writes the records to {@code file} and forces it; the caller gives it its final name. */
    static void write(StoreDirectory directory, Path file, long generation, long lastSequence,
            Records records) throws IOException {
        FileChannel channel = directory.openOwnerOnly(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        CRC32C crc = new CRC32C();
        try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES), crc))) {
            out.write(JournalFormat.header(JournalFormat.SNAPSHOT_MAGIC, generation).array());
            out.writeLong(lastSequence);
            long[] count = {0};
            records.forEachRecord((collection, key, value) -> {
                out.writeByte(ENTRY);
                out.writeUTF(collection);
                out.writeUTF(key);
                out.writeInt(value.length);
                out.write(value);
                count[0]++;
            });
            out.writeByte(END);
            out.writeLong(count[0]);
            out.writeInt((int) crc.getValue());
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Reads a snapshot into the records.
     *
     * @return the sequence number of the last batch in it
     * @throws StoreException if the file is damaged or of another format version
     */
    static long read(Path file, long generation, Records records) throws IOException {
        long size = Files.size(file);
        try (Reader in = new Reader(Files.newInputStream(file))) {
            return read(file, size, generation, in, records);
        } catch (EOFException e) {
            throw FileDamage.damaged(file, "the file ends early", size);
        }
    }

    private static long read(Path file, long size, long generation, Reader in, Records records)
            throws IOException {
        byte[] header = new byte[JournalFormat.HEADER_BYTES];
        in.data.readFully(header);
        JournalFormat.checkHeader(file, ByteBuffer.wrap(header), JournalFormat.SNAPSHOT_MAGIC,
                generation);
        long lastSequence = in.data.readLong();

        long count = 0;
        while (true) {
            long entryAt = in.position;
            byte type = in.data.readByte();
            if (type == END) {
                break;
            }
            if (type != ENTRY) {
                throw FileDamage.damaged(file, "unknown entry type " + type, entryAt);
            }
            records.apply(readEntry(file, size, in, entryAt));
            count++;
        }

        long countAt = in.position;
        long statedCount = in.data.readLong();
        int expected = (int) in.crc.getValue();
        long checksumAt = in.position;
        if (in.data.readInt() != expected) {
            throw FileDamage.damaged(file, "checksum mismatch", checksumAt);
        }
        if (statedCount != count) {
            throw FileDamage.damaged(file, "it says " + statedCount + " records but holds "
                    + count, countAt);
        }
        if (in.position != size) {
            throw FileDamage.damaged(file, "unexpected data after the end", in.position);
        }
        return lastSequence;
    }

    private static Change readEntry(Path file, long size, Reader in, long entryAt)
            throws IOException {
        String collection;
        String key;
        try {
            collection = in.data.readUTF();
            key = in.data.readUTF();
        } catch (UTFDataFormatException e) {
            throw FileDamage.damaged(file, "unreadable name in the record", entryAt);
        }
        long lengthAt = in.position;
        int length = in.data.readInt();
        if (length < 0 || length > size - in.position) {
            throw FileDamage.damaged(file, "impossible value length " + length, lengthAt);
        }
        byte[] value = new byte[length];
        in.data.readFully(value);
        return new Change(collection, key, value);
    }

    /** Counts and checksums what the data stream reads; DataInputStream itself never buffers. */
    private static final class Reader extends FilterInputStream {

        final CRC32C crc = new CRC32C();
        final DataInputStream data = new DataInputStream(this);
        long position;

        Reader(InputStream in) {
            super(new BufferedInputStream(in, BUFFER_BYTES));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                crc.update(bytes, offset, n);
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("a snapshot is read byte by byte");
        }
    }
}
