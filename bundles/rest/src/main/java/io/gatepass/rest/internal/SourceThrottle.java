package io.gatepass.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down guessing over HTTP, per client address, in memory: failed client authentications,
 * refused refresh tokens, rejected bearer tokens and wrong administrator passwords. An address's
 * window opens with its first failure; once it holds the allowed number of failures, every
 * request from that address answers 429 until the window closes. Successes do not reset the
 * count, so mixing good and bad requests does not buy more guesses.
 *
 * <p>Bounded: past {@code maxSources} addresses with open windows, closed windows are dropped
 * and, if none are, new addresses are not tracked until some close (logged once). Addresses are
 * taken as the container reports them; behind a proxy they are the proxy's.
 */
final class SourceThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SourceThrottle.class);

    private record Window(long start, int failures) {
    }

    private final Clock clock;
    private final int allowedFailures;
    private final long windowMillis;
    private final int maxSources;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong fullLoggedAt = new AtomicLong(Long.MIN_VALUE);

    SourceThrottle(Clock clock, int allowedFailures, Duration window, int maxSources) {
        if (allowedFailures < 1 || window.isNegative() || window.isZero() || maxSources < 1) {
            throw new IllegalArgumentException("Throttle needs at least 1 failure, a positive window and"
                + " room for 1 address; got " + allowedFailures + ", " + window + ", " + maxSources);
        }
        this.clock = clock;
        this.allowedFailures = allowedFailures;
        this.windowMillis = window.toMillis();
        this.maxSources = maxSources;
    }

    /** @throws HttpProblem 429 with Retry-After while the address is throttled */
    void checkAllowed(String source) {
        Window window = windows.get(source);
        if (window == null) {
            return;
        }
        long now = clock.millis();
        long end = window.start() + windowMillis;
        if (window.failures() >= allowedFailures && now < end) {
            throw HttpProblem.tooManyFailures(Math.max(1, (end - now + 999) / 1000));
        }
    }

    /** Counts one failure of the address. */
    void recordFailure(String source) {
        long now = clock.millis();
        if (!windows.containsKey(source) && !makeRoom(now)) {
            return;
        }
        Window counted = windows.compute(source, (key, window) ->
            window == null || now >= window.start() + windowMillis
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
        if (counted.failures() == allowedFailures) {
            LOG.warn("Address {} is throttled for {} s after {} failed attempts (client authentication,"
                + " refresh or bearer tokens, or administrator passwords)", source,
                (counted.start() + windowMillis - now + 999) / 1000, allowedFailures);
        }
    }

    /** @return how many addresses have a window, closed or not; for tests */
    int trackedSources() {
        return windows.size();
    }

    private boolean makeRoom(long now) {
        if (windows.size() < maxSources) {
            return true;
        }
        windows.values().removeIf(window -> now >= window.start() + windowMillis);
        if (windows.size() < maxSources) {
            return true;
        }
        long logged = fullLoggedAt.get();
        boolean due = logged == Long.MIN_VALUE || now - logged >= windowMillis;
        if (due && fullLoggedAt.compareAndSet(logged, now)) {
            LOG.warn("Failures come from more than {} addresses at once; new addresses are not throttled"
                + " until older windows close", maxSources);
        }
        return false;
    }
}
