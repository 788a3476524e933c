package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.gatepass.store.internal.DiskFaults.Step;

/**
 * The journal that batches are appended to. Only the writer thread uses it after opening, so that
 * no caller thread is ever interrupted inside a channel call, which would close the channel.
 */
final class JournalFile implements AutoCloseable {

    private final long generation;
    private final Path path;
    private final FileChannel channel;
    private final DiskFaults faults;
    private long size;

    private JournalFile(long generation, Path path, FileChannel channel, DiskFaults faults,
            long size) {
        this.generation = generation;
        this.path = path;
        this.channel = channel;
        this.faults = faults;
        this.size = size;
    }

    /**
     * Creates the journal of a generation (replacing any file of that name) with its header,
     * forced; the caller forces the folder.
     */
    static JournalFile create(StoreDirectory directory, long generation, DiskFaults faults)
            throws IOException {
        Path path = directory.journal(generation);
        faults.before(Step.CREATE_JOURNAL, path);
        FileChannel channel = directory.openOwnerOnly(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            writeFully(channel, JournalFormat.header(JournalFormat.JOURNAL_MAGIC, generation), 0);
            channel.force(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new JournalFile(generation, path, channel, faults, JournalFormat.HEADER_BYTES);
    }

    /** Opens a journal that recovery has read and cut to {@code size}. */
    static JournalFile open(StoreDirectory directory, long generation, long size,
            DiskFaults faults) throws IOException {
        Path path = directory.journal(generation);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new JournalFile(generation, path, channel, faults, size);
    }

    long generation() {
        return generation;
    }

    Path path() {
        return path;
    }

    /** @return the bytes of the header and every record appended and not truncated */
    long size() {
        return size;
    }

    /**
     * Writes the records at the end and forces them to disk. {@code force(false)} is enough:
     * it still writes the file size, which the records need to be found again (fdatasync).
     */
    void appendAndForce(ByteBuffer records) throws IOException {
        long end = size + records.remaining();
        faults.before(Step.WRITE_JOURNAL, path);
        writeFully(channel, records, size);
        faults.before(Step.FORCE_JOURNAL, path);
        channel.force(false);
        size = end;
    }

    /** Cuts off whatever a failed append left behind the last acknowledged record. */
    void truncateToSize() throws IOException {
        faults.before(Step.TRUNCATE_JOURNAL, path);
        channel.truncate(size);
        channel.force(true);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position)
            throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
