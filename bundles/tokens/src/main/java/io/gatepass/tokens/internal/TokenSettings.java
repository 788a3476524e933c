package io.gatepass.tokens.internal;

import java.time.Duration;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/**
 * The token configuration, parsed and checked once.
 *
 * @param accessTokenLifetime default access-token lifetime
 * @param refreshTokenLifetime default absolute refresh-token lifetime; zero for none
 * @param refreshIdleTimeout idle timeout of refresh tokens; zero for none
 * @param refreshRetryWindow how long the refresh token just rotated away may be presented again
 *     by a client that lost the answer; zero for never
 * @param expiryWarning how long before expiry an EXPIRING event is posted; zero for none
 * @param keepEndedGrants how long ended grants stay listed
 * @param auditRetention how long audit entries are kept
 * @param auditMaxEntries how many audit entries are kept at most
 */
record TokenSettings(
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration refreshIdleTimeout,
    Duration refreshRetryWindow,
    Duration expiryWarning,
    Duration keepEndedGrants,
    Duration auditRetention,
    int auditMaxEntries) {

    static final TokenSettings DEFAULTS = new TokenSettings(Duration.ofHours(1), Duration.ofDays(90),
        Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(90),
        10_000);

    /** The password-throttling part of the configuration. */
    static ThrottleSettings throttle(TokenConfig config) {
        Duration maxLockout = DurationText.parse("maxLockout", config.maxLockout());
        Duration forgetAfter = maxLockout.compareTo(ThrottleSettings.DEFAULTS.forgetAfter()) > 0
            ? maxLockout : ThrottleSettings.DEFAULTS.forgetAfter();
        return new ThrottleSettings(config.freeFailures(), config.sourceFreeFailures(), maxLockout, forgetAfter,
            ThrottleSettings.DEFAULTS.maxTrackedKeys());
    }

    static TokenSettings from(TokenConfig config) {
        Duration access = DurationText.parse("accessTokenLifetime", config.accessTokenLifetime());
        if (access.compareTo(Duration.ofSeconds(5)) < 0 || access.compareTo(Duration.ofDays(1)) > 0) {
            throw InvalidInputException.of("accessTokenLifetime", config.accessTokenLifetime(),
                "use a duration from 5s to 24h");
        }
        Duration retryWindow = DurationText.parse("refreshRetryWindow", config.refreshRetryWindow());
        if (retryWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw InvalidInputException.of("refreshRetryWindow", config.refreshRetryWindow(),
                "use a duration from 0 to 1h");
        }
        return new TokenSettings(access,
            DurationText.parse("refreshTokenLifetime", config.refreshTokenLifetime()),
            DurationText.parse("refreshTokenIdleTimeout", config.refreshTokenIdleTimeout()),
            retryWindow,
            DurationText.parse("expiryWarning", config.expiryWarning()),
            DurationText.parse("keepEndedGrants", config.keepEndedGrants()),
            DurationText.parse("auditRetention", config.auditRetention()),
            config.auditMaxEntries());
    }
}
