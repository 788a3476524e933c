package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;

/** A client that lost the answer to a refresh may present the refresh token it sent once more. */
class TokenRefreshRetryTest extends TokenServiceHarness {

    private static final String REUSED = "The refresh token was already used; its grant has been revoked in case"
        + " the token was stolen. Generate new tokens for the app.";

    @Test
    void aClientThatLostTheAnswerGetsANewPairForThePreviousRefreshToken() {
        TokenPair first = generateForAlice();
        TokenPair lost = refresh(first);
        advance(Duration.ofSeconds(30));

        TokenPair retried = refresh(first);

        assertThat(retried.grantId()).isEqualTo(first.grantId());
        assertThat(tokens.validate(retried.accessToken()).isValid()).isTrue();
        assertThat(tokens.inspect(lost.refreshToken()).active()).isFalse();
        assertThat(tokens.audit("sync", null, 1).get(0).detail())
            .isEqualTo("again with the refresh token before, whose answer was lost");
        assertThat(refresh(retried).grantId()).isEqualTo(first.grantId());
    }

    @Test
    void theRetryIsAReuseOnceTheNewAccessTokenHasBeenUsed() {
        TokenPair first = generateForAlice();
        TokenPair received = refresh(first);
        assertThat(tokens.validate(received.accessToken()).isValid()).isTrue();
        advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> refresh(first)).isInstanceOf(InvalidGrantException.class).hasMessage(REUSED);
        assertThat(tokens.grant(first.grantId()).orElseThrow().status()).isEqualTo(GrantStatus.REVOKED);
    }

    @Test
    void usingThePreviousAccessTokenDoesNotCloseTheRetry() {
        TokenPair first = generateForAlice();
        refresh(first);
        assertThat(tokens.validate(first.accessToken()).isValid()).isTrue();
        advance(Duration.ofSeconds(30));

        assertThat(tokens.validate(refresh(first).accessToken()).isValid()).isTrue();
    }

    @Test
    void theRetryIsAReuseWithinTheFirstSecond() {
        TokenPair first = generateForAlice();
        refresh(first);
        advance(Duration.ofMillis(999));

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void aRefreshQueuedBehindASlowSyncIsAReuseNotARetry() {
        TokenPair first = generateForAlice();
        store.afterWrite = () -> advance(Duration.ofSeconds(2));
        refresh(first);
        store.afterWrite = null;

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void theRetryIsAReuseAfterTheWindow() {
        TokenPair first = generateForAlice();
        refresh(first);
        advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void aRefreshTokenCanBeRetriedOnlyOnce() {
        TokenPair first = generateForAlice();
        refresh(first);
        advance(Duration.ofSeconds(2));
        refresh(first);
        advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void anOlderRefreshTokenIsAlwaysAReuse() {
        TokenPair first = generateForAlice();
        TokenPair second = refresh(first);
        advance(Duration.ofSeconds(2));
        refresh(second);
        advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void aZeroWindowTurnsTheRetryOff() {
        settings = new TokenSettings(Duration.ofHours(1), Duration.ofDays(90), Duration.ofDays(30), Duration.ZERO,
            Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(90), 10_000);
        reopen();
        TokenPair first = generateForAlice();
        refresh(first);
        advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> refresh(first)).hasMessage(REUSED);
    }

    @Test
    void theRetryWorksAfterARestartOfTheServer() {
        TokenPair first = generateForAlice();
        refresh(first);
        reopen();
        advance(Duration.ofSeconds(20));

        assertThat(tokens.validate(refresh(first).accessToken()).isValid()).isTrue();
    }
}
