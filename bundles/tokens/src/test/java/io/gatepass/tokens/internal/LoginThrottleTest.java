package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.tokens.internal.LoginThrottle.LockedUser;
import io.gatepass.tokens.internal.LoginThrottle.Lockout;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final String HOME = "10.0.0.1";

    private final MutableClock clock = new MutableClock(START);
    private final LoginThrottle throttle = new LoginThrottle(clock, ThrottleSettings.DEFAULTS);

    @Test
    void fiveWrongPasswordsStillLetTheUserTryAgain() {
        fail(throttle, "bob", HOME, 5);

        assertThatCode(() -> throttle.checkAllowed("bob", HOME)).doesNotThrowAnyException();
    }

    @Test
    void aSixthWrongPasswordLocksTheUserOutFromThatSourceForASecond() {
        fail(throttle, "bob", HOME, 5);

        Lockout lockout = throttle.recordFailure("bob", HOME);

        assertThat(lockout).isEqualTo(new Lockout(START.plusSeconds(1), null));
        assertThatExceptionOfType(TokenRefusedException.class)
            .isThrownBy(() -> throttle.checkAllowed("bob", HOME))
            .withMessage("Too many wrong passwords for user 'bob' from 10.0.0.1; try again after"
                + " 2026-12-03T10:00:01Z, or ask an administrator to run token:unlock bob.")
            .satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.LOCKED_OUT))
            .satisfies(refused -> assertThat(refused.retryAfter()).hasValue(START.plusSeconds(1)));
    }

    @Test
    void aLockoutEndsOnTime() {
        fail(throttle, "bob", HOME, 6);

        clock.advance(Duration.ofSeconds(1));

        assertThatCode(() -> throttle.checkAllowed("bob", HOME)).doesNotThrowAnyException();
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheLockoutUpToFifteenMinutes() {
        fail(throttle, "bob", HOME, 5);

        List<Long> lockoutSeconds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Duration lockout = Duration.between(clock.instant(),
                throttle.recordFailure("bob", HOME).userLockedUntil());
            lockoutSeconds.add(lockout.toSeconds());
            clock.advance(lockout);
        }

        assertThat(lockoutSeconds)
            .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
    }

    @Test
    void aCappedLockoutStillEndsAndLetsOneMoreAttemptThrough() {
        fail(throttle, "bob", HOME, 16);
        clock.advance(Duration.ofMinutes(15));

        assertThatCode(() -> throttle.checkAllowed("bob", HOME)).doesNotThrowAnyException();
        assertThat(throttle.recordFailure("bob", HOME).userLockedUntil())
            .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void theRetryTimeIsRoundedUpToTheNextWholeSecond() {
        clock.advance(Duration.ofMillis(250));
        fail(throttle, "bob", HOME, 6);

        assertThatExceptionOfType(TokenRefusedException.class)
            .isThrownBy(() -> throttle.checkAllowed("bob", HOME))
            .withMessage("Too many wrong passwords for user 'bob' from 10.0.0.1; try again after"
                + " 2026-12-03T10:00:02Z, or ask an administrator to run token:unlock bob.");
    }

    @Test
    void aUserNameThatIsNotOneShellWordIsQuotedInTheUnlockCommand() {
        fail(throttle, "bob \"the builder\"", HOME, 6);

        assertThatExceptionOfType(TokenRefusedException.class)
            .isThrownBy(() -> throttle.checkAllowed("bob \"the builder\"", HOME))
            .withMessage("Too many wrong passwords for user 'bob \"the builder\"' from 10.0.0.1;"
                + " try again after 2026-12-03T10:00:01Z, or ask an administrator to run"
                + " token:unlock \"bob \\\"the builder\\\"\".");
    }

    @Test
    void aSuccessfulLoginClearsTheUsersCounterFromThatSource() {
        fail(throttle, "bob", HOME, 5);

        throttle.recordSuccess("bob", HOME);

        assertThat(throttle.recordFailure("bob", HOME).locked()).isFalse();
    }

    @Test
    void aSuccessfulLoginLeavesTheSourceCounterAsItIs() {
        for (int i = 1; i <= 20; i++) {
            throttle.recordFailure("user" + i, HOME);
        }

        throttle.recordSuccess("alice", HOME);

        assertThat(throttle.recordFailure("dave", HOME))
            .isEqualTo(new Lockout(null, START.plusSeconds(1)));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
        fail(throttle, "bob", HOME, 5);

        clock.advance(Duration.ofHours(1));

        assertThat(throttle.recordFailure("bob", HOME).locked()).isFalse();
    }

    @Test
    void failuresWithinTheHourStillCount() {
        fail(throttle, "bob", HOME, 5);

        clock.advance(Duration.ofMinutes(59).plusSeconds(59));

        assertThat(throttle.recordFailure("bob", HOME).locked()).isTrue();
    }

    @Test
    void wrongPasswordsForManyUsersLockTheSourceOutForEveryUser() {
        for (int i = 1; i <= 20; i++) {
            throttle.recordFailure("user" + i, HOME);
        }

        Lockout lockout = throttle.recordFailure("dave", HOME);

        assertThat(lockout).isEqualTo(new Lockout(null, START.plusSeconds(1)));
        assertThatExceptionOfType(TokenRefusedException.class)
            .isThrownBy(() -> throttle.checkAllowed("carol", HOME))
            .withMessage("Too many wrong passwords from 10.0.0.1; try again after"
                + " 2026-12-03T10:00:01Z.")
            .satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.LOCKED_OUT));
    }

    @Test
    void aLockedSourceDoesNotConcernOtherSources() {
        for (int i = 1; i <= 21; i++) {
            throttle.recordFailure("user" + i, HOME);
        }

        assertThatCode(() -> throttle.checkAllowed("carol", "10.0.0.2"))
            .doesNotThrowAnyException();
    }

    @Test
    void aFloodFromOneSourceNeverLocksTheUserOutFromAnother() {
        fail(throttle, "bob", "203.0.113.66", 40);

        assertThatCode(() -> throttle.checkAllowed("bob", HOME)).doesNotThrowAnyException();
        assertThat(throttle.recordFailure("bob", HOME).locked()).isFalse();
    }

    @Test
    void aFailureThatLocksUserAndSourceSaysWhenTheLaterLockoutEnds() {
        LoginThrottle strict = new LoginThrottle(clock,
            new ThrottleSettings(5, 3, Duration.ofMinutes(15), Duration.ofHours(1), 100));
        fail(strict, "alice", HOME, 3);
        fail(strict, "bob", HOME, 5);

        Lockout lockout = strict.recordFailure("bob", HOME);

        assertThat(lockout.locked()).isTrue();
        assertThat(lockout.until()).isEqualTo(START.plusSeconds(32));
    }

    @Test
    void unlockingLiftsTheLockoutOfTheUserFromEverySource() {
        fail(throttle, "bob", HOME, 6);
        fail(throttle, "bob", "10.0.0.2", 6);

        boolean wasLocked = throttle.unlock("bob");

        assertThat(wasLocked).isTrue();
        assertThatCode(() -> throttle.checkAllowed("bob", HOME)).doesNotThrowAnyException();
        assertThatCode(() -> throttle.checkAllowed("bob", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void unlockingStartsTheCountOfWrongPasswordsAgain() {
        fail(throttle, "bob", HOME, 6);

        throttle.unlock("bob");

        assertThat(throttle.recordFailure("bob", HOME).locked()).isFalse();
    }

    @Test
    void unlockingAUserWhoIsNotLockedOutSaysSo() {
        fail(throttle, "bob", HOME, 3);

        assertThat(throttle.unlock("bob")).isFalse();
    }

    @Test
    void unlockingAUserLeavesTheLockoutOfTheSourceInPlace() {
        for (int i = 1; i <= 21; i++) {
            throttle.recordFailure(i == 21 ? "bob" : "user" + i, HOME);
        }

        throttle.unlock("bob");

        assertThatExceptionOfType(TokenRefusedException.class)
            .isThrownBy(() -> throttle.checkAllowed("bob", HOME))
            .withMessage("Too many wrong passwords from 10.0.0.1; try again after"
                + " 2026-12-03T10:00:01Z.");
    }

    @Test
    void theLockedUsersAreListedWithTheirSourceAndEnd() {
        fail(throttle, "bob", "10.0.0.2", 6);
        fail(throttle, "bob", HOME, 7);
        fail(throttle, "alice", HOME, 3);

        assertThat(throttle.lockedUsers()).containsExactly(
            new LockedUser("bob", HOME, START.plusSeconds(2), 7),
            new LockedUser("bob", "10.0.0.2", START.plusSeconds(1), 6));
    }

    @Test
    void theCounterTablesNeverGrowPastTheirLimit() {
        LoginThrottle small = new LoginThrottle(clock,
            new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofHours(1), 10));

        for (int i = 0; i < 1000; i++) {
            small.recordFailure("user" + i, "192.0.2." + i);
        }

        assertThat(small.trackedPairs()).isLessThanOrEqualTo(10);
        assertThat(small.trackedSources()).isLessThanOrEqualTo(10);
    }

    @Test
    void aFullTableForgetsTheCounterWithTheOldestFailureFirst() {
        LoginThrottle small = new LoginThrottle(clock,
            new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofHours(1), 10));
        fail(small, "oldest", "192.0.2.1", 5);
        clock.advance(Duration.ofMinutes(1));
        fail(small, "older", "192.0.2.2", 5);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 3; i <= 10; i++) {
            small.recordFailure("user" + i, "192.0.2." + i);
        }
        clock.advance(Duration.ofMinutes(1));

        small.recordFailure("newcomer", "192.0.2.11");

        assertThat(small.recordFailure("older", "192.0.2.2").locked()).isTrue();
        assertThat(small.recordFailure("oldest", "192.0.2.1").locked()).isFalse();
    }

    @Test
    void settingsThatWouldForgetALockoutBeforeItEndsAreRefused() {
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> new ThrottleSettings(5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(10), 100_000))
            .withMessage("Invalid forgetAfter '10m': use at least the longest lockout, 15m.");
    }

    @Test
    void settingsWithTooSmallATableAreRefused() {
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> new ThrottleSettings(5, 20, Duration.ofMinutes(15),
                Duration.ofHours(1), 9))
            .withMessage("Invalid maxTrackedKeys '9': use 10 or more.");
    }

    private static void fail(LoginThrottle throttle, String username, String source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, source);
        }
    }
}
