package io.gatepass.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a connection refreshes and retries: at a share of the access token's lifetime, a little
 * earlier at random so that connections started together spread out, and after failures with a
 * doubling delay of which up to half is taken off at random.
 */
final class RefreshTiming {

    private final ConnectionSettings settings;
    private final DoubleSupplier random;

    /** @param random numbers from 0 (inclusive) to 1, e.g. {@code SecureRandom::nextDouble} */
    RefreshTiming(ConnectionSettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * @param now what to answer for a pair without lifetime
     * @return when to refresh this pair: the configured share of its lifetime, less up to the jitter
     */
    Instant refreshDue(StoredTokens pair, Instant now) {
        long lifetime = pair.accessTokenExpiresAt().toEpochMilli() - pair.obtainedAt().toEpochMilli();
        if (lifetime <= 0) {
            return now;
        }
        double share = settings.refreshAt() - settings.jitter() * random.getAsDouble();
        return pair.obtainedAt().plusMillis((long) (lifetime * share));
    }

    /** @return the retry delay after this many failures in a row: doubling, capped, less up to half at random */
    Duration backoff(int failuresInARow) {
        long initial = settings.retryInitial().toMillis();
        long max = settings.retryMax().toMillis();
        long doubled = failuresInARow >= 31 ? max : Math.min(max, initial << (failuresInARow - 1));
        return Duration.ofMillis((long) (doubled * (0.5 + random.getAsDouble() / 2)));
    }
}
