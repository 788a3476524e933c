package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;

class GrantSweeperTest extends TokenServiceHarness {

    private GrantSweeper sweeper() {
        return new GrantSweeper(tokens, store, registry, new GrantUses(store, registry),
            (topic, properties) -> events.add(topic + " " + properties.getOrDefault("grant.id", "")), clock);
    }

    @Test
    void aGrantThatEndedLongerAgoThanTheKeepPeriodIsRemovedFromTheStore() {
        TokenPair pair = generateForAlice();
        tokens.revokeGrant(pair.grantId(), "test");
        advance(Duration.ofDays(7).plusSeconds(1));

        sweeper().sweep();
        reopen();

        assertThat(tokens.grants(GrantQuery.live().includingEnded())).isEmpty();
        assertThat(tokens.validate(pair.accessToken()).reason()).contains(InvalidTokenReason.UNKNOWN);
    }

    @Test
    void aRecentlyEndedGrantIsKept() {
        TokenPair pair = generateForAlice();
        tokens.revokeGrant(pair.grantId(), "test");
        advance(Duration.ofDays(7).minusSeconds(1));

        sweeper().sweep();

        assertThat(tokens.grants(GrantQuery.live().includingEnded())).hasSize(1);
    }

    @Test
    void anExpiredGrantIsRemovedAfterTheKeepPeriod() {
        generateForAlice();
        advance(Duration.ofDays(37).plusSeconds(1));

        sweeper().sweep();

        assertThat(tokens.grants(GrantQuery.live().includingEnded())).isEmpty();
    }

    @Test
    void theGrantsOfADeletedAppAreRevoked() {
        TokenPair pair = generateForAlice();
        registry.remove("sync");

        sweeper().sweep();

        assertThat(tokens.grant(pair.grantId()).orElseThrow().revocation())
            .isEqualTo("revoked with all grants of app sync");
    }

    @Test
    void aGrantCloseToItsEndIsAnnouncedOnceEvenAfterARestart() {
        TokenPair pair = generateForAlice();
        advance(Duration.ofDays(23).plusSeconds(1));

        sweeper().sweep();
        sweeper().sweep();
        reopen();
        sweeper().sweep();

        assertThat(events).filteredOn(e -> e.startsWith("io/gatepass/token/EXPIRING")).containsExactly(
            "io/gatepass/token/EXPIRING " + pair.grantId());
    }

    @Test
    void lastUseIsWrittenInOneBatchAndSurvivesARestart() {
        TokenPair pair = generateForAlice();
        advance(Duration.ofMinutes(2));
        tokens.validate(pair.accessToken());
        GrantUses uses = new GrantUses(store, registry);

        assertThat(uses.flush(tokens.grantStates())).isEqualTo(1);
        assertThat(uses.flush(tokens.grantStates())).isZero();
        reopen();

        assertThat(tokens.grant(pair.grantId()).orElseThrow().lastUsed()).isEqualTo(clock.instant());
        assertThat(registry.uses).containsExactly("sync");
    }

    @Test
    void theAuditTrailKeepsAtMostItsSize() {
        settings = new TokenSettings(Duration.ofHours(1), Duration.ofDays(90), Duration.ofDays(30),
            Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(90), 3);
        reopen();
        for (int i = 0; i < 5; i++) {
            generateForAlice();
        }

        sweeper().sweep();
        reopen();

        assertThat(tokens.audit(null, null, 100)).hasSize(3);
    }
}
