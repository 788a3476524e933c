package io.gatepass.rest.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynamic reference to a Gatepass service that requests call through. When the service goes
 * away (its bundle is being updated), new calls answer 503 and the unbind waits until the calls
 * already running on the old service have returned.
 *
 * <p>Why wait: a refresh that the old token service finishes after the new one has loaded the
 * store would be answered 200, yet the new service would not know the refresh token it handed
 * out. Waiting in the unbind keeps the old service whole until its last call is done, because
 * the updated bundle starts only after the old one has stopped.
 */
final class ServiceSlot<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSlot.class);

    private static final long DRAIN_SECONDS = 30;

    private final String name;
    private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();
    private volatile T service;

    ServiceSlot(String name) {
        this.name = name;
    }

    /**
     * @return what the action returned
     * @throws HttpProblem 503 when the service is not there
     */
    <R> R call(Function<T, R> action) {
        calls.readLock().lock();
        try {
            T current = service;
            if (current == null) {
                throw HttpProblem.unavailable();
            }
            return action.apply(current);
        } finally {
            calls.readLock().unlock();
        }
    }

    void bind(T newService) {
        service = newService;
    }

    void unbind(T oldService) {
        if (service != oldService) {
            return;
        }
        service = null;
        try {
            if (calls.writeLock().tryLock(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                calls.writeLock().unlock();
            } else {
                LOG.warn("Calls to the {} still running after {} s; letting it go anyway", name,
                    DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the service is there now */
    boolean isBound() {
        return service != null;
    }
}
