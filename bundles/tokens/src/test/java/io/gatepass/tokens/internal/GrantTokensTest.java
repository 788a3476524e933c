package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GrantTokensTest {

    private static TokenHash hash(int n) {
        return TokenHash.of("gpa_token" + n);
    }

    @Test
    void aNewGrantHasAnAccessAndARefreshTokenOnly() {
        GrantTokens tokens = GrantTokens.first(hash(1), 1_000, hash(2), 10);

        assertThat(tokens.find(hash(1))).isEqualTo(GrantTokens.ACCESS);
        assertThat(tokens.find(hash(2))).isEqualTo(GrantTokens.REFRESH);
        assertThat(tokens.find(hash(3))).isEqualTo(GrantTokens.NONE);
        assertThat(tokens.hasPrevious()).isFalse();
        assertThat(tokens.previous()).isNull();
        assertThat(tokens.rotatedCount()).isZero();
        assertThat(tokens.isLastRotated(hash(2))).isFalse();
    }

    @Test
    void aRotationKeepsThePreviousAccessTokenAndTheLast16RefreshTokens() {
        GrantTokens tokens = GrantTokens.first(hash(0), 100, hash(1_000), 0);
        List<TokenHash> refreshTokens = new ArrayList<>(List.of(hash(1_000)));
        for (int n = 1; n <= 20; n++) {
            tokens = tokens.rotate(hash(n), 100L + n, hash(1_000 + n), n);
            refreshTokens.add(hash(1_000 + n));
        }

        assertThat(tokens.find(hash(20))).isEqualTo(GrantTokens.ACCESS);
        assertThat(tokens.accessExpiry).isEqualTo(120);
        assertThat(tokens.find(hash(19))).isEqualTo(GrantTokens.PREVIOUS_ACCESS);
        assertThat(tokens.previousExpiry).isEqualTo(119);
        assertThat(tokens.find(hash(18))).isEqualTo(GrantTokens.NONE);
        assertThat(tokens.find(hash(1_020))).isEqualTo(GrantTokens.REFRESH);
        assertThat(tokens.refreshIssued).isEqualTo(20);
        assertThat(tokens.rotatedCount()).isEqualTo(GrantState.ROTATED_KEPT);
        for (int i = 0; i < GrantState.ROTATED_KEPT; i++) {
            TokenHash rotated = refreshTokens.get(20 - GrantState.ROTATED_KEPT + i);
            assertThat(tokens.rotated(i)).isEqualTo(rotated);
            assertThat(tokens.find(rotated)).isEqualTo(GrantTokens.ROTATED);
        }
        assertThat(tokens.find(hash(1_000 + 3))).isEqualTo(GrantTokens.NONE);
        assertThat(tokens.isLastRotated(hash(1_019))).isTrue();
        assertThat(tokens.isLastRotated(hash(1_018))).isFalse();
    }

    @Test
    void storedTokensReadBackAsTheyWereAndKeepAtMost16Rotated() {
        TokenHash[] rotated = new TokenHash[18];
        for (int i = 0; i < rotated.length; i++) {
            rotated[i] = hash(500 + i);
        }
        GrantTokens tokens = GrantTokens.stored(hash(1), 11, hash(2), 7, hash(3), 5, rotated);

        assertThat(tokens.access()).isEqualTo(hash(1));
        assertThat(tokens.previous()).isEqualTo(hash(2));
        assertThat(tokens.refresh()).isEqualTo(hash(3));
        assertThat(tokens.rotatedCount()).isEqualTo(GrantState.ROTATED_KEPT);
        assertThat(tokens.rotated(0)).isEqualTo(hash(502));
        assertThat(tokens.find(hash(501))).isEqualTo(GrantTokens.NONE);
    }

    @Test
    void aHashReadsBackFromItsStoredFormAndFromAFullSha256() {
        TokenHash hash = hash(9);
        assertThat(TokenHash.fromBase64("g-1", hash.toBase64())).isEqualTo(hash);
        assertThat(hash.toString()).doesNotContain(hash.toBase64());
    }
}
