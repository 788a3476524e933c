package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A store file opened for positional reads by any thread. A {@link FileChannel} is closed for
 * every user when a thread is interrupted inside a call on it; readers are the callers' threads,
 * and one of them being interrupted must neither fail its read nor break the reads of others. So
 * a read that finds the channel closed under it (its own interrupt, or another reader's) opens
 * the file again and retries with its interrupt flag cleared, and sets the flag again before it
 * returns. The writer never reads through these channels, so no reader can close the journal it
 * appends to.
 */
final class ReadChannel implements AutoCloseable {

    /** More than enough for other readers' interrupts; a bound so that nothing spins forever. */
    private static final int MAX_ATTEMPTS = 16;

    private final Path path;
    /** Guarded by {@code this}; replaced when an interrupt closed it. */
    private FileChannel channel;
    private boolean closed;

    private ReadChannel(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static ReadChannel open(Path path) throws IOException {
        return new ReadChannel(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    Path path() {
        return path;
    }

    /**
     * Reads from {@code position} until the buffer is full or the file ends.
     *
     * @return the number of bytes read
     */
    int read(ByteBuffer into, long position) throws IOException {
        int start = into.position();
        boolean interrupted = false;
        try {
            for (int attempt = 1; ; attempt++) {
                FileChannel current = current();
                try {
                    readFully(current, into, position + into.position() - start);
                    return into.position() - start;
                } catch (ClosedChannelException e) {
                    // ClosedByInterruptException if this thread was interrupted; another
                    // subclass, or the plain one, if another reader was.
                    interrupted |= Thread.interrupted();
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    reopen(current);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position)
            throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                return;
            }
            at += n;
        }
    }

    private synchronized FileChannel current() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return channel;
    }

    private synchronized void reopen(FileChannel broken) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == broken) {
            // Opening is not interruptible, and no other reader uses the new channel yet.
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
