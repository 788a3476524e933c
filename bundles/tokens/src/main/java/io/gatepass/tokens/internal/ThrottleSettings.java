package io.gatepass.tokens.internal;

import java.time.Duration;
import java.util.Objects;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/**
 * How {@link LoginThrottle} slows down password guessing.
 *
 * @param freeFailures wrong passwords allowed for one user from one source before each further
 *     one locks that pair out
 * @param sourceFreeFailures wrong passwords allowed from one source, for any users, before each
 *     further one locks the whole source out
 * @param maxLockout the cap of the lockout, which doubles from one second with each failure
 * @param forgetAfter how long after its last failure a counter starts again from nothing; at
 *     least {@code maxLockout}, so that a lockout ends before its counter is forgotten
 * @param maxTrackedKeys the most (user, source) counters kept in memory, and separately the most
 *     source counters; at least 10
 */
record ThrottleSettings(
    int freeFailures,
    int sourceFreeFailures,
    Duration maxLockout,
    Duration forgetAfter,
    int maxTrackedKeys) {

    static final ThrottleSettings DEFAULTS =
        new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofHours(1), 100_000);

    ThrottleSettings {
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (freeFailures < 0) {
            throw InvalidInputException.of("freeFailures", String.valueOf(freeFailures),
                "use 0 or more");
        }
        if (sourceFreeFailures < 0) {
            throw InvalidInputException.of("sourceFreeFailures",
                String.valueOf(sourceFreeFailures), "use 0 or more");
        }
        if (maxLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw InvalidInputException.of("maxLockout", DurationText.format(maxLockout),
                "use at least 1s");
        }
        if (forgetAfter.compareTo(maxLockout) < 0) {
            throw InvalidInputException.of("forgetAfter", DurationText.format(forgetAfter),
                "use at least the longest lockout, " + DurationText.format(maxLockout));
        }
        if (maxTrackedKeys < 10) {
            throw InvalidInputException.of("maxTrackedKeys", String.valueOf(maxTrackedKeys),
                "use 10 or more");
        }
    }
}
