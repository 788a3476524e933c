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

/**
 * All records at one sequence number. Layout after the {@link JournalFormat#header header}:
 * {@code [long last sequence]}, then per record {@code [byte 1][UTF collection][UTF key]
 * [int length][value]}, then {@code [byte 0][long record count][int CRC32C]} where the checksum
 * covers every byte before it, header included. A snapshot is read strictly: it was forced before
 * it got its name, so any flaw in it is damage, never an unfinished write.
 */
final class SnapshotFile {

    /** The same byte as a journal put change, which an entry is laid out like. */
    private static final byte ENTRY = JournalFormat.PUT;
    private static final byte END = 0;
    private static final int BUFFER_BYTES = 64 * 1024;

    private SnapshotFile() {
    }

    /**
     * Starts a snapshot in {@code file}, replacing any file of that name; the caller appends the
     * records, finishes it, and then gives it its final name.
     */
    static Writer create(StoreDirectory directory, Path file, long generation, long lastSequence)
            throws IOException {
        FileChannel channel = directory.openOwnerOnly(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Writer writer = new Writer(channel);
        try {
            writer.out.write(JournalFormat.header(JournalFormat.SNAPSHOT_MAGIC, generation)
                    .array());
            writer.out.writeLong(lastSequence);
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        writer.position = JournalFormat.HEADER_BYTES + Long.BYTES;
        return writer;
    }

    /**
     * Reads a snapshot, checking every byte, and puts the location of each record in it into
     * {@code locations}; the values stay in the file.
     *
     * @return the sequence number of the last batch in it
     * @throws StoreException if the file is damaged or of another format version
     */
    static long read(Path file, long generation, Locations locations) throws IOException {
        long size = Files.size(file);
        try (Reader in = new Reader(Files.newInputStream(file))) {
            return read(file, size, generation, in, locations);
        } catch (EOFException e) {
            throw FileDamage.damaged(file, "the file ends early", size);
        }
    }

    private static long read(Path file, long size, long generation, Reader in,
            Locations locations) throws IOException {
        byte[] header = new byte[JournalFormat.HEADER_BYTES];
        in.data.readFully(header);
        JournalFormat.checkHeader(file, ByteBuffer.wrap(header), JournalFormat.SNAPSHOT_MAGIC,
                generation);
        long lastSequence = in.data.readLong();

        long count = 0;
        KeyDigest digest = new KeyDigest();
        byte[] value = new byte[BUFFER_BYTES];
        while (true) {
            long entryAt = in.position;
            byte type = in.data.readByte();
            if (type == END) {
                break;
            }
            if (type != ENTRY) {
                throw FileDamage.damaged(file, "unknown entry type " + type, entryAt);
            }
            value = readEntry(file, size, in, entryAt, value, digest, locations);
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

    /**
     * Reads the entry after its type byte into the locations, passing its value through the
     * checksum in {@code value}, or in a larger buffer if it does not fit.
     *
     * @return the buffer for the next value
     */
    private static byte[] readEntry(Path file, long size, Reader in, long entryAt, byte[] value,
            KeyDigest digest, Locations locations) throws IOException {
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
        byte[] buffer = length <= value.length ? value : new byte[length];
        in.data.readFully(buffer, 0, length);

        digest.of(key);
        locations.put(collection, digest.high(), digest.low(), Generation.inSnapshot(entryAt));
        return buffer;
    }

    /**
     * Writes a snapshot: records are appended as they are, and the end with the count and the
     * checksum is written and forced by {@link #finish}.
     */
    static final class Writer implements AutoCloseable {

        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final DataOutputStream out;
        private long position;
        private long count;

        private Writer(FileChannel channel) {
            this.channel = channel;
            this.out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(
                    Channels.newOutputStream(channel), BUFFER_BYTES), crc));
        }

        /**
         * Appends one entry, {@code [byte 1][UTF collection][UTF key][int length][value]}, as
         * the bytes of a journal put change or of another snapshot's entry already hold it.
         *
         * @return where the entry starts in the snapshot
         */
        long append(byte[] entry, int offset, int length) throws IOException {
            if (entry[offset] != ENTRY) {
                throw new IllegalArgumentException("Not a snapshot entry: type " + entry[offset]);
            }
            long at = position;
            out.write(entry, offset, length);
            position += length;
            count++;
            return at;
        }

        /** Writes the end of the snapshot and forces the file. */
        void finish() throws IOException {
            out.writeByte(END);
            out.writeLong(count);
            out.writeInt((int) crc.getValue());
            out.flush();
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            // Closing the stream closes the channel; its buffer is flushed first, which only
            // matters for a snapshot that was not finished and will be deleted.
            out.close();
        }
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
