package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SourceThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final SourceThrottle throttle = new SourceThrottle(clock, 3, Duration.ofSeconds(60), 2);

    private void fail(String source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(source);
        }
    }

    @Test
    void failuresBelowTheLimitLetTheAddressGoOn() {
        fail("10.0.0.1", 2);

        assertThatCode(() -> throttle.checkAllowed("10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void reachingTheLimitAnswers429WithTheSecondsLeftInTheWindow() {
        fail("10.0.0.1", 2);
        clock.advance(Duration.ofMillis(20_500));
        fail("10.0.0.1", 1);

        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> throttle.checkAllowed("10.0.0.1"))
            .withMessage("Too many failed attempts from this address; try again in 40 seconds.")
            .satisfies(problem -> {
                assertThat(problem.status()).isEqualTo(429);
                assertThat(problem.error()).isEqualTo("too_many_requests");
                assertThat(problem.headers()).containsExactly(new HttpProblem.Header("Retry-After", "40"));
            });
    }

    @Test
    void theAddressMayTryAgainOnceTheWindowHasClosed() {
        fail("10.0.0.1", 3);

        clock.advance(Duration.ofSeconds(60));

        assertThatCode(() -> throttle.checkAllowed("10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        fail("10.0.0.1", 2);
        clock.advance(Duration.ofSeconds(61));

        fail("10.0.0.1", 2);

        assertThatCode(() -> throttle.checkAllowed("10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anotherAddressIsNotAffected() {
        fail("10.0.0.1", 3);

        assertThatCode(() -> throttle.checkAllowed("10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void whenFullClosedWindowsMakeRoomForNewAddresses() {
        fail("10.0.0.1", 1);
        fail("10.0.0.2", 1);
        clock.advance(Duration.ofSeconds(61));

        fail("10.0.0.3", 3);

        assertThat(throttle.trackedSources()).isEqualTo(1);
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> throttle.checkAllowed("10.0.0.3"));
    }

    @Test
    void whenFullOfOpenWindowsNewAddressesAreNotTrackedButKnownOnesStillAre() {
        fail("10.0.0.1", 1);
        fail("10.0.0.2", 1);

        fail("10.0.0.3", 3);
        fail("10.0.0.1", 2);

        assertThat(throttle.trackedSources()).isEqualTo(2);
        assertThatCode(() -> throttle.checkAllowed("10.0.0.3")).doesNotThrowAnyException();
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> throttle.checkAllowed("10.0.0.1"));
    }

    @Test
    void aThrottleWithoutRoomForFailuresIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new SourceThrottle(clock, 0, Duration.ofSeconds(60), 10))
            .withMessage("Throttle needs at least 1 failure, a positive window and room for 1 address;"
                + " got 0, PT1M, 10");
    }
}
