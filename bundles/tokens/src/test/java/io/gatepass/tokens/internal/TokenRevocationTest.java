package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;

class TokenRevocationTest extends TokenServiceHarness {

    @Test
    void revokingByTokenEndsTheWholeGrant() {
        TokenPair pair = generateForAlice();

        assertThat(tokens.revokeToken(pair.refreshToken(), "test")).isTrue();

        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
        assertThat(tokens.revokeToken(pair.accessToken(), "test")).isFalse();
    }

    @Test
    void revokingAGrantByIdLeavesTheOthers() {
        TokenPair one = generateForAlice();
        TokenPair two = generateForAlice();

        assertThat(tokens.revokeGrant(one.grantId(), "test")).isTrue();

        assertThat(tokens.validate(one.accessToken()).isValid()).isFalse();
        assertThat(tokens.validate(two.accessToken()).isValid()).isTrue();
        assertThat(tokens.revokeGrant("g-unknown", "test")).isFalse();
    }

    @Test
    void revokingAnAppAUserOrAllCountsTheLiveGrants() {
        TokenPair aliceSync = generateForAlice();
        TokenPair bobSync = generate("sync", "bob", "bob-pw");
        TokenPair bobScript = generate("script", "bob", "bob-pw");
        generate("script", "alice", "alice-pw");

        assertThat(tokens.revokeApp("sync", "test")).isEqualTo(2);
        assertThat(tokens.revokeUser("bob", "test")).isEqualTo(1);
        assertThat(tokens.revokeAll("test")).isEqualTo(1);

        assertThat(tokens.validate(aliceSync.accessToken()).isValid()).isFalse();
        assertThat(tokens.validate(bobSync.accessToken()).isValid()).isFalse();
        assertThat(tokens.validate(bobScript.accessToken()).isValid()).isFalse();
        assertThat(tokens.grants(GrantQuery.live())).isEmpty();
    }

    @Test
    void aRevocationThatCannotBeStoredIsReportedAndDoesNotHappen() {
        TokenPair pair = generateForAlice();
        store.failNextWrite();

        assertThatThrownBy(() -> tokens.revokeGrant(pair.grantId(), "test"))
            .isInstanceOf(io.gatepass.api.StoreException.class)
            .hasMessage("Could not write to the journal: No space left on device");

        assertThat(tokens.validate(pair.accessToken()).isValid()).isTrue();
        assertThat(tokens.revokeGrant(pair.grantId(), "test")).isTrue();
    }

    @Test
    void revocationsSurviveARestart() {
        TokenPair pair = generateForAlice();
        tokens.revokeGrant(pair.grantId(), "test");

        reopen();

        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
    }

    @Test
    void grantsAreListedByAppUserAndComingExpiry() {
        generateForAlice();
        advance(Duration.ofDays(10));
        TokenPair recent = generate("script", "bob", "bob-pw");

        assertThat(tokens.grants(GrantQuery.live().app("script"))).extracting(Grant::grantId)
            .containsExactly(recent.grantId());
        assertThat(tokens.grants(GrantQuery.live().user("alice"))).hasSize(1);
        assertThat(tokens.grants(GrantQuery.live().expiringWithin(Duration.ofDays(25)))).hasSize(1)
            .allMatch(g -> g.username().equals("alice"));
        assertThat(tokens.grants(GrantQuery.live())).extracting(Grant::grantId).first().isEqualTo(recent.grantId());
    }

    @Test
    void endedGrantsAreListedOnlyWhenAsked() {
        TokenPair pair = generateForAlice();
        tokens.revokeGrant(pair.grantId(), "test");

        assertThat(tokens.grants(GrantQuery.live())).isEmpty();
        assertThat(tokens.grants(GrantQuery.live().includingEnded())).singleElement()
            .satisfies(g -> assertThat(g.status()).isEqualTo(GrantStatus.REVOKED));
    }

    @Test
    void inspectionTellsKindStatusAndGrantButNeverTheToken() {
        TokenPair pair = generateForAlice();

        TokenInspection access = tokens.inspect(pair.accessToken());
        TokenInspection refresh = tokens.inspect(pair.refreshToken());

        assertThat(access.kind()).isEqualTo(TokenKind.ACCESS);
        assertThat(access.active()).isTrue();
        assertThat(refresh.kind()).isEqualTo(TokenKind.REFRESH);
        assertThat(refresh.grant().grantId()).isEqualTo(pair.grantId());
        assertThat(access.toString()).doesNotContain(pair.accessToken());
        assertThat(tokens.inspect("junk").kind()).isNull();
    }

    @Test
    void revocationsAreAuditedAndPosted() {
        TokenPair pair = generateForAlice();

        tokens.revokeGrant(pair.grantId(), "shell:karaf");

        assertThat(tokens.audit(null, "alice", 1)).singleElement()
            .satisfies(entry -> {
                assertThat(entry.event()).isEqualTo("REVOKED");
                assertThat(entry.source()).isEqualTo("shell:karaf");
            });
        assertThat(events).contains("io/gatepass/token/REVOKED " + pair.grantId());
    }
}
