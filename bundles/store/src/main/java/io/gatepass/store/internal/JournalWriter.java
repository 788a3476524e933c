package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import io.gatepass.api.StoreException;
import io.gatepass.store.internal.JournalFormat.EncodedBatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that appends to the journal. It takes every batch queued since its last round
 * (a group), writes them with one call, forces them with one call, points the keys of the whole
 * group at their new records at once and only then completes their futures: many writers share
 * one sync, and no reader sees a change before it is durable. It knows the offsets it appended
 * at, so applying a group costs no read. Between groups it compacts the journal when it has
 * grown.
 */
final class JournalWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    /** Caps one group, so its buffer stays a sane size; the rest waits for the next round. */
    private static final long MAX_GROUP_BYTES = 16 * 1024 * 1024;
    private static final Pending STOP = new Pending(null, null);

    private final StoreDirectory directory;
    private final Records records;
    private final Compactor compactor;
    private final long compactAfterBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private final Thread thread;

    // Owned by the writer thread once it runs.
    private JournalFile journal;
    private long lastSequence;
    private long compactAt;
    private boolean undoPending;

    /** Written by the writer thread only, so the increment needs no lock. */
    private volatile long syncCount;
    private volatile StoreException failure;
    /** Guarded by {@code lifecycle}. */
    private boolean closed;

    JournalWriter(StoreDirectory directory, StoreRecovery.Recovered recovered,
            long compactAfterBytes, DiskFaults faults) {
        this.directory = directory;
        this.records = recovered.records();
        this.compactor = new Compactor(directory, records, faults);
        this.compactAfterBytes = compactAfterBytes;
        this.journal = recovered.journal();
        this.lastSequence = recovered.lastSequence();
        this.compactAt = compactAfterBytes;
        this.thread = new Thread(this, "gatepass-store-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long syncCount() {
        return syncCount;
    }

    /**
     * Queues a batch for the next group.
     *
     * @return completed once the batch is durable and applied, or exceptionally if it is not
     * @throws StoreException if the store is closed or has stopped writing
     */
    CompletableFuture<Void> submit(EncodedBatch batch) {
        Pending pending = new Pending(batch, new CompletableFuture<>());
        synchronized (lifecycle) {
            checkOpen();
            // Checked under the lock, so that nothing is queued behind the STOP of close().
            queue.add(pending);
        }
        return pending.done();
    }

    /** @throws StoreException if the store is closed or has stopped writing */
    void checkOpen() {
        StoreException stopped;
        synchronized (lifecycle) {
            if (closed) {
                throw new StoreException("The Gatepass store at " + directory.path()
                        + " is closed");
            }
            stopped = failure;
        }
        if (stopped != null) {
            throw new StoreException(stopped.getMessage(), stopped);
        }
    }

    /** Lets the thread write what is queued, then stops it and closes the journal. */
    void close() {
        synchronized (lifecycle) {
            if (!closed) {
                closed = true;
                queue.add(STOP);
            }
        }
        // Every caller waits, not just the first: each releases the lock once this returns.
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // Keep waiting: the journal must be closed before the lock is released.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        List<Pending> group = new ArrayList<>();
        try {
            compactIfDue();
            boolean stopping = false;
            while (!stopping) {
                stopping = takeGroup(group);
                if (!group.isEmpty()) {
                    commit(group);
                }
                group.clear();
                if (!stopping) {
                    compactIfDue();
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The writer of the Gatepass store at {} failed", directory.path(), e);
            stopAfter(e, group);
        } finally {
            closeJournal();
        }
    }

    /** Fails every write in flight or queued, so that no caller waits for a dead thread. */
    private void stopAfter(Throwable e, List<Pending> group) {
        List<Pending> left = new ArrayList<>(group);
        synchronized (lifecycle) {
            // Under the lock, so that submit() either sees the failure or queues before it.
            failure = new StoreException("The Gatepass store at " + directory.path()
                    + " stopped writing after an unexpected error: " + e, e);
            queue.drainTo(left);
        }
        StoreException stopped = failure;
        left.stream().filter(pending -> pending != STOP)
                .forEach(pending -> pending.done().completeExceptionally(stopped));
    }

    /** @return whether close() asked the thread to stop after this group */
    private boolean takeGroup(List<Pending> group) {
        Pending next = takeUninterruptibly();
        long bytes = 0;
        while (next != null) {
            if (next == STOP) {
                return true;
            }
            group.add(next);
            bytes += JournalFormat.recordBytes(next.batch());
            next = bytes < MAX_GROUP_BYTES ? queue.poll() : null;
        }
        return false;
    }

    private Pending takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Nobody should interrupt this thread; stopping goes through STOP.
                LOG.debug("Ignoring an interrupt of the Gatepass store writer");
            }
        }
    }

    private void commit(List<Pending> group) {
        StoreException stopped = failure;
        if (stopped != null) {
            group.forEach(pending -> pending.done().completeExceptionally(stopped));
            return;
        }

        long groupFirst = lastSequence + 1;
        long bytes = group.stream().mapToLong(p -> JournalFormat.recordBytes(p.batch())).sum();
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        long sequence = lastSequence;
        List<EncodedBatch> batches = new ArrayList<>(group.size());
        long[] bodies = new long[group.size()];
        for (int i = 0; i < group.size(); i++) {
            EncodedBatch batch = group.get(i).batch();
            batches.add(batch);
            bodies[i] = journal.size()
                    + JournalFormat.putRecord(buffer, ++sequence, groupFirst, batch);
        }
        buffer.flip();
        try {
            journal.appendAndForce(buffer);
            syncCount++;
        } catch (IOException e) {
            undo(group, e);
            return;
        }

        lastSequence = sequence;
        records.apply(batches, bodies);
        group.forEach(pending -> pending.done().complete(null));
    }

    /** Cuts off what the failed group left in the journal, so that no restart replays it. */
    private void undo(List<Pending> group, IOException cause) {
        StoreException error = new StoreException("Could not write to " + journal.path() + ": "
                + cause.getMessage(), cause);
        LOG.error("Could not write {} batches to {}", group.size(), journal.path(), cause);
        try {
            journal.truncateToSize();
        } catch (IOException e) {
            undoPending = true;
            failure = new StoreException("The Gatepass store at " + directory.path()
                    + " stopped writing: after a failed write it could not cut "
                    + journal.path() + " back (" + e.getMessage() + "). Reopen the store once "
                    + "the disk is fixed.", e);
            LOG.error("Could not cut {} back after a failed write; the store stopped writing",
                    journal.path(), e);
        }
        group.forEach(pending -> pending.done().completeExceptionally(error));
    }

    private void compactIfDue() {
        // A journal without records has nothing to compact, whatever the configured size.
        boolean empty = journal.size() <= JournalFormat.HEADER_BYTES;
        if (failure != null || empty || journal.size() < compactAt) {
            return;
        }
        try {
            JournalFile compacted = compactor.compact(journal, lastSequence);
            compactAt = compacted == journal ? journal.size() + compactAfterBytes
                    : compactAfterBytes;
            journal = compacted;
        } catch (StoreException e) {
            failure = e;
            LOG.error("The Gatepass store at {} stopped writing", directory.path(), e);
        }
    }

    private void closeJournal() {
        try (JournalFile closing = journal) {
            if (undoPending) {
                // The disk may have recovered since; a successful cut makes the reopen clean.
                closing.truncateToSize();
                LOG.info("Cut {} back to its last acknowledged write", closing.path());
            }
        } catch (IOException e) {
            LOG.error("Could not close {} cleanly", journal.path(), e);
        }
    }

    /** A batch and the future its writer waits on. */
    private record Pending(EncodedBatch batch, CompletableFuture<Void> done) {
    }
}
