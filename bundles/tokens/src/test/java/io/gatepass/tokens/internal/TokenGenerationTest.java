package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.api.TokenRequest;

import org.junit.jupiter.api.Test;

class TokenGenerationTest extends TokenServiceHarness {

    @Test
    void aPairActsAsTheUserWithAllTheirRoles() {
        TokenPair pair = generateForAlice();

        assertThat(pair.accessToken()).matches("gpat_[A-Za-z0-9_-]{49}");
        assertThat(pair.refreshToken()).matches("gprt_[A-Za-z0-9_-]{49}");
        assertThat(pair.roles()).containsExactlyInAnyOrder("admin", "viewer");
        assertThat(pair.accessTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(pair.refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(tokens.validate(pair.accessToken()).principal().orElseThrow().username()).isEqualTo("alice");
    }

    @Test
    void aPairCanActWithASubsetOfTheRoles() {
        TokenPair pair = generate("sync", "alice", "alice-pw", "viewer");

        assertThat(tokens.validate(pair.accessToken()).principal().orElseThrow().roles()).containsExactly("viewer");
    }

    @Test
    void theAppsOwnLifetimesWin() {
        registry.add("short", io.gatepass.api.ClientAppType.PUBLIC, true, null, Duration.ofMinutes(5),
            Duration.ofDays(2));

        TokenPair pair = generate("short", "bob", "bob-pw");

        assertThat(pair.accessTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(pair.refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
    }

    @Test
    void theTokenStringIsNotInTheToStringOfThePair() {
        TokenPair pair = generateForAlice();

        assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
    }

    @Test
    void thePasswordIsWipedAfterUse() {
        char[] password = "alice-pw".toCharArray();

        tokens.generate(new TokenRequest("sync", "alice", password, Set.of(), "test"));

        assertThat(password).containsOnly('\0');
    }

    @Test
    void anUnknownAppIsRefused() {
        assertThatThrownBy(() -> generate("nope", "alice", "alice-pw"))
            .isInstanceOf(TokenRefusedException.class)
            .hasMessage("No client app named 'nope'.")
            .extracting(e -> ((TokenRefusedException) e).refusal()).isEqualTo(Refusal.APP_UNKNOWN);
    }

    @Test
    void aDisabledAppIsRefusedWithHowToEnableIt() {
        assertThatThrownBy(() -> generate("off", "alice", "alice-pw"))
            .hasMessage("Client app 'off' is disabled; enable it with app:enable off before generating tokens.")
            .extracting(e -> ((TokenRefusedException) e).refusal()).isEqualTo(Refusal.APP_DISABLED);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFieldIsThePassword() {
        assertThatThrownBy(() -> generate("sync", "alice", "wrong"))
            .hasMessage("Wrong username or password for user 'alice'.")
            .extracting(e -> ((TokenRefusedException) e).refusal().field()).isEqualTo("password");
        assertThat(events).anyMatch(e -> e.startsWith("io/gatepass/token/LOGIN_FAILED"));
    }

    @Test
    void aSixthWrongPasswordFromOneSourceLocksTheUserOutThere() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> generate("sync", "alice", "wrong")).hasMessageStartingWith("Wrong username");
        }

        assertThatThrownBy(() -> generate("sync", "alice", "alice-pw"))
            .hasMessage("Too many wrong passwords for user 'alice' from test; try again after 2026-12-03T10:00:01Z,"
                + " or ask an administrator to run token:unlock alice.")
            .extracting(e -> ((TokenRefusedException) e).refusal()).isEqualTo(Refusal.LOCKED_OUT);
        assertThat(events).anyMatch(e -> e.startsWith("io/gatepass/token/LOCKED_OUT"));
        assertThat(tokens.unlock("alice", "test")).isTrue();
        assertThat(generateForAlice().username()).isEqualTo("alice");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertThatThrownBy(() -> generate("sync", "mallory", "x"))
            .hasMessage("Wrong username or password for user 'mallory'.");
    }

    @Test
    void aRoleTheUserDoesNotHaveIsRefusedNamingIt() {
        assertThatThrownBy(() -> generate("sync", "bob", "bob-pw", "admin", "viewer"))
            .hasMessage("User 'bob' does not have the role admin; their roles are: viewer.")
            .extracting(e -> ((TokenRefusedException) e).refusal()).isEqualTo(Refusal.ROLE_NOT_HELD);
    }

    @Test
    void aFailedStoreWriteIssuesNoToken() {
        store.failNextWrite();

        assertThatThrownBy(this::generateForAlice)
            .isInstanceOf(StoreException.class)
            .hasMessage("Could not write to the journal: No space left on device");
        assertThat(tokens.grants(io.gatepass.api.GrantQuery.live())).isEmpty();
        assertThat(events).noneMatch(e -> e.startsWith("io/gatepass/token/ISSUED"));
    }

    @Test
    void anIssueIsAuditedWithoutTheTokens() {
        TokenPair pair = generateForAlice();

        assertThat(tokens.audit("sync", null, 10)).singleElement()
            .satisfies(entry -> {
                assertThat(entry.event()).isEqualTo("ISSUED");
                assertThat(entry.grantId()).isEqualTo(pair.grantId());
                assertThat(entry.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
            });
    }

    @Test
    void theStoreHoldsNoTokenAndNoPassword() throws Exception {
        TokenPair pair = generateForAlice();
        TokenPair refreshed = refresh(pair);
        journal.close();

        String everything = StoreFiles.readAll(folder.resolve("store"));

        assertThat(everything).doesNotContain(pair.accessToken(), pair.refreshToken(),
            refreshed.accessToken(), refreshed.refreshToken(), "alice-pw", SECRET);
        reopen();
    }

    @Test
    void validationAnswersWithinTheAccessLifetimeOnly() {
        TokenPair pair = generateForAlice();

        advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(tokens.validate(pair.accessToken()).isValid()).isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.EXPIRED);
    }

    @Test
    void garbageIsMalformedAndAMistypedTokenIsCaughtByItsChecksum() {
        TokenPair pair = generateForAlice();
        char[] typo = pair.accessToken().toCharArray();
        typo[20] = typo[20] == 'A' ? 'B' : 'A';

        assertThat(tokens.validate("hello").reason()).contains(InvalidTokenReason.MALFORMED);
        assertThat(tokens.validate(null).reason()).contains(InvalidTokenReason.MALFORMED);
        assertThat(tokens.validate(new String(typo)).reason()).contains(InvalidTokenReason.MALFORMED);
        assertThat(tokens.validate(pair.accessToken() + "\0").reason()).contains(InvalidTokenReason.MALFORMED);
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        TokenPair pair = generateForAlice();

        assertThat(tokens.validate(pair.refreshToken()).reason()).contains(InvalidTokenReason.WRONG_KIND);
    }

    @Test
    void aWellFormedTokenThatWasNeverIssuedIsUnknown() {
        String stranger = new String(io.gatepass.spi.PrefixedSecret.generate("gpat_"));

        assertThat(tokens.validate(stranger).reason()).contains(InvalidTokenReason.UNKNOWN);
    }

    @Test
    void disablingTheAppSuspendsItsTokensAndEnablingRestoresThem() {
        TokenPair pair = generateForAlice();

        registry.setEnabled("sync", false);
        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.APP_DISABLED);
        registry.setEnabled("sync", true);
        assertThat(tokens.validate(pair.accessToken()).isValid()).isTrue();
    }

    @Test
    void deletingTheAppRevokesItsTokens() {
        TokenPair pair = generateForAlice();

        registry.remove("sync");

        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
    }

    @Test
    void validationRecordsTheUseInMemory() {
        TokenPair pair = generateForAlice();
        advance(Duration.ofMinutes(3));

        tokens.validate(pair.accessToken());

        assertThat(tokens.grant(pair.grantId()).orElseThrow().lastUsed()).isEqualTo(clock.instant());
    }

    @Test
    void tokensSurviveARestart() {
        TokenPair pair = generateForAlice();

        reopen();

        assertThat(tokens.validate(pair.accessToken()).principal().orElseThrow().grantId()).isEqualTo(pair.grantId());
        assertThat(refresh(pair).appId()).isEqualTo("sync");
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }
}
