package io.gatepass.store.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.gatepass.api.StoreException;

/**
 * Reads records from the files of a pinned {@link Generation} by location. A put change in a
 * journal record and an entry of a snapshot are laid out alike, {@code [byte 1][UTF collection]
 * [UTF key][int length][value]}, so one parser serves both. It reads a window of a file at a
 * time: one record costs one positional read (usually from the page cache), and a pass over
 * locations in ascending order reads each file front to back in large pieces.
 *
 * <p>The files were checked when the store opened or when the store wrote them; what is checked
 * here is that a record starts at the location, so a wrong location is reported, never answered.
 * Not thread-safe: one per read or pass.
 */
final class EntryReader {

    /** Room for a typical record, so that reading one costs one system call. */
    static final int SMALL_WINDOW = 1024;
    /** For passes over many records. */
    static final int LARGE_WINDOW = 256 * 1024;

    private final Generation generation;
    private byte[] window;
    private ReadChannel windowFile;
    private long windowStart;
    private int windowLength;

    private String collection;
    private String key;
    private int entryStart;
    private int entryLength;
    private int valueLength;

    EntryReader(Generation generation, int windowBytes) {
        this.generation = generation;
        this.window = new byte[windowBytes];
    }

    /**
     * Reads the record at the location; the other methods then answer for it.
     *
     * @throws StoreException if no record starts there
     */
    void readAt(long location) throws IOException {
        ReadChannel file = generation.file(location);
        long offset = Generation.offset(location);

        int base = ensure(file, offset, 3);
        byte type = window[base];
        if (type != JournalFormat.PUT) {
            throw FileDamage.unreadable(file.path(), "no record starts there (type " + type + ")",
                    offset);
        }
        int keyAt = 3 + unsignedShort(base + 1);
        base = ensure(file, offset, keyAt + 2);
        int lengthAt = keyAt + 2 + unsignedShort(base + keyAt);
        base = ensure(file, offset, lengthAt + 4);
        int length = ByteBuffer.wrap(window).getInt(base + lengthAt);
        if (length < 0 || length > JournalFormat.MAX_PAYLOAD_BYTES) {
            throw FileDamage.unreadable(file.path(), "impossible value length " + length, offset);
        }
        base = ensure(file, offset, lengthAt + 4 + length);

        collection = text(file, offset, base + 3, keyAt - 3);
        key = text(file, offset, base + keyAt + 2, lengthAt - keyAt - 2);
        entryStart = base;
        entryLength = lengthAt + 4 + length;
        valueLength = length;
    }

    String collection() {
        return collection;
    }

    String key() {
        return key;
    }

    /** @return a copy of the value, which the caller may keep and change */
    byte[] value() {
        int valueStart = entryStart + entryLength - valueLength;
        return Arrays.copyOfRange(window, valueStart, valueStart + valueLength);
    }

    /** @return the bytes of the whole record, valid until the next read; for compaction */
    byte[] buffer() {
        return window;
    }

    int entryStart() {
        return entryStart;
    }

    int entryLength() {
        return entryLength;
    }

    /** @return the index in the window of {@code offset}, after reading if it was not there */
    private int ensure(ReadChannel file, long offset, int needed) throws IOException {
        if (file == windowFile && offset >= windowStart
                && offset + needed <= windowStart + windowLength) {
            return (int) (offset - windowStart);
        }
        if (window.length < needed) {
            window = new byte[needed];
        }
        windowFile = null;
        int read = file.read(ByteBuffer.wrap(window), offset);
        if (read < needed) {
            throw FileDamage.unreadable(file.path(), "the file ends inside the record", offset);
        }
        windowFile = file;
        windowStart = offset;
        windowLength = read;
        return 0;
    }

    private int unsignedShort(int at) {
        return ((window[at] & 0xFF) << 8) | (window[at + 1] & 0xFF);
    }

    /** Decodes the modified UTF-8 of DataOutput.writeUTF; plain ASCII, the usual case, fast. */
    private String text(ReadChannel file, long offset, int at, int length) {
        boolean ascii = true;
        for (int i = at; i < at + length && ascii; i++) {
            ascii = window[i] > 0;
        }
        if (ascii) {
            return new String(window, at, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return new DataInputStream(new ByteArrayInputStream(window, at - 2, length + 2))
                    .readUTF();
        } catch (UTFDataFormatException e) {
            throw FileDamage.unreadable(file.path(), "unreadable name in the record", offset);
        } catch (IOException e) {
            throw new IllegalStateException("Reading from memory failed", e);
        }
    }
}
