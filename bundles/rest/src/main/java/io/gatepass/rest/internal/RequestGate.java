package io.gatepass.rest.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests being served, so that deactivation can refuse new ones (503) and let the
 * running ones finish before the servlets are unregistered: a refresh whose answer was cut off
 * would leave the client holding a refresh token that has already rotated.
 */
final class RequestGate {

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;

    /** @return true if the request may go on; then {@link #leave()} must follow */
    boolean enter() {
        running.incrementAndGet();
        if (closing) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (running.decrementAndGet() == 0 && closing) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Refuses new requests and waits for the running ones.
     *
     * @return whether every running request finished within the time given
     */
    boolean close(long timeout, TimeUnit unit) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }
}
