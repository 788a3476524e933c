package io.gatepass.tokens.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The least a durable append costs when callers are concurrent: a group commit with nothing else
 * in it. Callers add their bytes to the open group and wait for it; one writer thread closes the
 * group, writes it with one call and forces it with one {@code force(false)}, as the store forces
 * its journal, then wakes that group's callers only. Every caller that arrives during a force
 * joins the next group. No encoding, no checksum, no records kept in memory.
 *
 * <p>The writer is a thread of its own, as in the store: in a trial, letting a waiting caller
 * lead each force instead made smaller groups and lower throughput than the store at 64 callers,
 * since waking the next leader among dozens of runnable threads on two cores is slow.
 */
final class GroupCommitFile implements AutoCloseable {

    /** The bytes of one group and whether they are durable; its callers wait on it. */
    private static final class Group {

        final ByteBuffer bytes;
        boolean done;
        IOException failure;

        Group(ByteBuffer bytes) {
            this.bytes = bytes;
        }
    }

    private final FileChannel channel;
    private final Object lock = new Object();
    private final Thread writer;

    // Guarded by lock.
    private Group open;
    private boolean closed;
    private long forces;

    /** Owned by the writer thread. */
    private ByteBuffer spare;
    private long fileEnd;

    /** @param groupBytes room for one record of every caller: a caller waits, so it adds one at most */
    GroupCommitFile(Path file, int groupBytes) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        open = new Group(ByteBuffer.allocate(groupBytes));
        spare = ByteBuffer.allocate(groupBytes);
        writer = new Thread(this::writeGroups, "floor-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Appends the record and returns once it is forced to disk. */
    void append(ByteBuffer record) throws IOException, InterruptedException {
        Group group;
        synchronized (lock) {
            group = open;
            boolean wasEmpty = group.bytes.position() == 0;
            group.bytes.put(record);
            if (wasEmpty) {
                // Only the writer waits on the lock, and only for an empty group.
                lock.notify();
            }
        }
        synchronized (group) {
            while (!group.done) {
                group.wait();
            }
            if (group.failure != null) {
                throw new IOException("The floor's group could not be written", group.failure);
            }
        }
    }

    /** @return how many times the file was forced */
    long forces() {
        synchronized (lock) {
            return forces;
        }
    }

    private void writeGroups() {
        while (true) {
            Group group;
            synchronized (lock) {
                while (open.bytes.position() == 0 && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Stopping goes through close(); keep serving the callers.
                    }
                }
                if (open.bytes.position() == 0) {
                    return;
                }
                group = open;
                open = new Group(spare);
            }
            IOException failure = null;
            try {
                ByteBuffer bytes = group.bytes.flip();
                while (bytes.hasRemaining()) {
                    fileEnd += channel.write(bytes, fileEnd);
                }
                channel.force(false);
            } catch (IOException e) {
                failure = e;
            }
            synchronized (lock) {
                forces++;
            }
            spare = group.bytes.clear();
            synchronized (group) {
                group.failure = failure;
                group.done = true;
                group.notifyAll();
            }
        }
    }

    /** Writes what is pending, stops the writer and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            lock.notify();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
