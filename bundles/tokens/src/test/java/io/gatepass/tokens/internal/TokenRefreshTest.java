package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidClientException;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;

class TokenRefreshTest extends TokenServiceHarness {

    @Test
    void aRefreshGivesANewPairAndThePresentedRefreshTokenStopsWorking() {
        TokenPair first = generateForAlice();

        TokenPair second = refresh(first);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.grantId()).isEqualTo(first.grantId());
        assertThat(tokens.validate(second.accessToken()).isValid()).isTrue();
        assertThat(tokens.inspect(first.refreshToken()).reason()).isEqualTo(InvalidTokenReason.REVOKED);
    }

    @Test
    void thePreviousAccessTokenWorksUntilItExpires() {
        TokenPair first = generateForAlice();
        advance(Duration.ofMinutes(50));

        refresh(first);

        assertThat(tokens.validate(first.accessToken()).isValid()).isTrue();
        advance(Duration.ofMinutes(10));
        assertThat(tokens.validate(first.accessToken()).reason()).contains(InvalidTokenReason.EXPIRED);
    }

    @Test
    void presentingARotatedRefreshTokenAgainRevokesTheWholeGrant() {
        TokenPair first = generateForAlice();
        TokenPair second = refresh(first);

        assertThatThrownBy(() -> refresh(first))
            .isInstanceOf(InvalidGrantException.class)
            .hasMessage("The refresh token was already used; its grant has been revoked in case the token was"
                + " stolen. Generate new tokens for the app.");

        assertThat(tokens.validate(second.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
        assertThatThrownBy(() -> refresh(second))
            .hasMessage("The refresh token cannot be used: the token has been revoked.");
        assertThat(events).anyMatch(e -> e.startsWith("io/gatepass/token/REUSE_DETECTED " + first.grantId()));
        assertThat(tokens.grant(first.grantId()).orElseThrow().revocation()).isEqualTo("refresh token reused");
    }

    @Test
    void ofFiftyConcurrentRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
        TokenPair pair = generateForAlice();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TokenPair>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<TokenPair> attempt = () -> {
                go.await();
                return refresh(pair);
            };
            attempts.add(pool.submit(attempt));
        }

        go.countDown();
        int succeeded = 0;
        int refused = 0;
        for (Future<TokenPair> attempt : attempts) {
            try {
                attempt.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(InvalidGrantException.class);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(refused).isEqualTo(49);
    }

    @Test
    void aConfidentialAppMustPresentItsSecret() {
        TokenPair pair = generateForAlice();

        ClientCredentials wrongSecret = new ClientCredentials("sync", "nope".toCharArray());

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken(), wrongSecret))
            .isInstanceOf(InvalidClientException.class)
            .hasMessage("Client authentication failed for client app 'sync'.");
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken(), new ClientCredentials("sync", null)))
            .isInstanceOf(InvalidClientException.class);
        assertThat(refresh(pair).grantId()).isEqualTo(pair.grantId());
    }

    @Test
    void aPublicAppRefreshesWithoutASecret() {
        TokenPair pair = generate("script", "bob", "bob-pw");

        TokenPair refreshed = tokens.refresh(pair.refreshToken(), new ClientCredentials("script", null));

        assertThat(refreshed.appId()).isEqualTo("script");
    }

    @Test
    void anUnknownClientIsRefused() {
        TokenPair pair = generateForAlice();

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken(), new ClientCredentials("ghost", null)))
            .isInstanceOf(InvalidClientException.class)
            .hasMessage("Client authentication failed: unknown client app.");
    }

    @Test
    void anotherAppsRefreshTokenIsRefusedWithoutRevokingIt() {
        TokenPair pair = generateForAlice();

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken(), new ClientCredentials("script", null)))
            .isInstanceOf(InvalidGrantException.class)
            .hasMessage("The refresh token was issued to another client app.");
        assertThat(refresh(pair).grantId()).isEqualTo(pair.grantId());
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        TokenPair pair = generateForAlice();

        ClientCredentials sync = new ClientCredentials("sync", SECRET.toCharArray());

        assertThatThrownBy(() -> tokens.refresh(pair.accessToken(), sync))
            .hasMessage("An access token was given where a refresh token is expected.");
    }

    @Test
    void aMalformedRefreshTokenIsRefusedBeforeAnyLookup() {
        assertThatThrownBy(() -> tokens.refresh("gprt_short", new ClientCredentials("sync", SECRET.toCharArray())))
            .isInstanceOf(InvalidGrantException.class)
            .hasMessage("The refresh token is malformed.");
    }

    @Test
    void aRefreshTokenUnusedForTheIdleTimeoutExpires() {
        TokenPair pair = generateForAlice();

        advance(Duration.ofDays(30).minusSeconds(1));
        TokenPair renewed = refresh(pair);
        advance(Duration.ofDays(30));

        assertThatThrownBy(() -> refresh(renewed))
            .hasMessage("The refresh token cannot be used: the token has expired.");
    }

    @Test
    void aGrantEndsAtTheAbsoluteRefreshLifetimeHoweverOftenItIsUsed() {
        TokenPair pair = generateForAlice();
        for (int day = 0; day < 89; day++) {
            advance(Duration.ofDays(1));
            pair = refresh(pair);
        }
        advance(Duration.ofDays(1).minusSeconds(1));
        TokenPair last = refresh(pair);

        advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> refresh(last)).hasMessage("The refresh token cannot be used: the token has expired.");
    }

    @Test
    void aDisabledAppCannotRefreshUntilEnabled() {
        TokenPair pair = generateForAlice();
        registry.setEnabled("sync", false);

        assertThatThrownBy(() -> refresh(pair))
            .hasMessage("The refresh token cannot be used: the token's client app is disabled.");
        registry.setEnabled("sync", true);
        assertThat(refresh(pair).grantId()).isEqualTo(pair.grantId());
    }

    @Test
    void aUserWhoLeftTheRealmCanNoLongerRefresh() {
        TokenPair pair = generateForAlice();
        verifier.remove("alice");

        assertThatThrownBy(() -> refresh(pair))
            .isInstanceOf(InvalidGrantException.class)
            .hasMessage("The user 'alice' no longer exists on this server.");
        assertThat(tokens.grant(pair.grantId()).orElseThrow().status()).isEqualTo(GrantStatus.REVOKED);
    }

    @Test
    void aRefreshThatCannotBeStoredLeavesThePresentedTokenWorking() {
        TokenPair pair = generateForAlice();
        store.failNextWrite();

        assertThatThrownBy(() -> refresh(pair)).isInstanceOf(StoreException.class);

        assertThat(tokens.validate(pair.accessToken()).isValid()).isTrue();
        assertThat(refresh(pair).grantId()).isEqualTo(pair.grantId());
    }

    @Test
    void rotationAndReuseDetectionSurviveARestart() {
        TokenPair first = generateForAlice();
        TokenPair second = refresh(first);

        reopen();

        assertThat(tokens.validate(second.accessToken()).isValid()).isTrue();
        assertThatThrownBy(() -> refresh(first)).hasMessageStartingWith("The refresh token was already used");
        reopen();
        assertThat(tokens.validate(second.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
    }
}
