package io.gatepass.tokens.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.gatepass.api.GatepassException;

/**
 * Lets the token service stop without losing a change: once closing starts, new changes are
 * refused, and closing waits for those under way. Otherwise, during a {@code bundle:update}, a
 * refresh finishing on the old instance after the new one has loaded the store would hand out
 * a refresh token the new instance never heard of. Validation does not pass through here.
 */
final class InFlightChanges {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /**
     * @return what the change returned
     * @throws GatepassException if the service is stopping
     */
    <T> T run(Supplier<T> change) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new GatepassException("The token service is stopping; try again in a moment.");
            }
            return change.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return whether every change under way finished within the wait */
    boolean close(Duration wait) {
        closed = true;
        try {
            if (lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                lock.writeLock().unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
