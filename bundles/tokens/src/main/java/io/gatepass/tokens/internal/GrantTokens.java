package io.gatepass.tokens.internal;

import java.util.Arrays;

import io.gatepass.api.TokenValidation;

/**
 * The tokens of a grant at one moment, as the two words of their hashes: the newest access token,
 * the one before it (still valid until it expires), the current refresh token, and the refresh
 * tokens rotated away that are still recognised as reuse. Immutable but for the validation
 * answers, which the first validation of each access token makes and keeps; two threads may
 * both make one, and either is right.
 */
final class GrantTokens {

    /** What a hash is to a grant: see {@link #find}. */
    static final int NONE = 0;
    static final int ACCESS = 1;
    static final int PREVIOUS_ACCESS = 2;
    static final int REFRESH = 3;
    static final int ROTATED = 4;

    private static final long[] NO_ROTATED = new long[0];

    final long accessHigh;
    final long accessLow;
    final long accessExpiry;
    final long previousHigh;
    final long previousLow;
    /** 0 when there is no previous access token. */
    final long previousExpiry;
    final long refreshHigh;
    final long refreshLow;
    /** When the current refresh token was issued, for the idle timeout. */
    final long refreshIssued;
    /** Earlier refresh tokens, oldest first, two words each; at most {@link GrantState#ROTATED_KEPT}. */
    private final long[] rotated;

    private TokenValidation accessAnswer;
    private TokenValidation previousAnswer;

    private GrantTokens(TokenHash access, long accessExpiry, TokenHash previous, long previousExpiry,
                        TokenHash refresh, long refreshIssued, long[] rotated) {
        this.accessHigh = access.high;
        this.accessLow = access.low;
        this.accessExpiry = accessExpiry;
        this.previousHigh = previous == null ? 0 : previous.high;
        this.previousLow = previous == null ? 0 : previous.low;
        this.previousExpiry = previous == null ? 0 : previousExpiry;
        this.refreshHigh = refresh.high;
        this.refreshLow = refresh.low;
        this.refreshIssued = refreshIssued;
        this.rotated = rotated.length == 0 ? NO_ROTATED : rotated;
    }

    /** @return the tokens of a grant just generated */
    static GrantTokens first(TokenHash access, long accessExpiry, TokenHash refresh, long issued) {
        return new GrantTokens(access, accessExpiry, null, 0, refresh, issued, NO_ROTATED);
    }

    /** @return tokens read back from the store; {@code rotated} oldest first */
    static GrantTokens stored(TokenHash access, long accessExpiry, TokenHash previous, long previousExpiry,
                              TokenHash refresh, long refreshIssued, TokenHash... rotated) {
        if (rotated.length > GrantState.ROTATED_KEPT) {
            rotated = Arrays.copyOfRange(rotated, rotated.length - GrantState.ROTATED_KEPT, rotated.length);
        }
        long[] words = new long[2 * rotated.length];
        for (int i = 0; i < rotated.length; i++) {
            words[2 * i] = rotated[i].high;
            words[2 * i + 1] = rotated[i].low;
        }
        return new GrantTokens(access, accessExpiry, previous, previousExpiry, refresh, refreshIssued, words);
    }

    /**
     * @return the tokens after a rotation: the new ones, this access token as the previous one,
     *     this refresh token as the newest rotated one, the oldest rotated one dropped when full
     */
    GrantTokens rotate(TokenHash access, long accessExpiry, TokenHash refresh, long issued) {
        int kept = Math.min(rotatedCount(), GrantState.ROTATED_KEPT - 1);
        long[] words = new long[2 * (kept + 1)];
        System.arraycopy(rotated, rotated.length - 2 * kept, words, 0, 2 * kept);
        words[2 * kept] = refreshHigh;
        words[2 * kept + 1] = refreshLow;
        GrantTokens next = new GrantTokens(access, accessExpiry, access(), this.accessExpiry, refresh, issued,
            words);
        next.previousAnswer = accessAnswer;
        return next;
    }

    /**
     * @param newest the newest access token, else the previous one
     * @return the answer to a successful validation of that access token of the grant, made at its
     *     first validation rather than for every grant loaded
     */
    TokenValidation answer(GrantState grant, boolean newest) {
        TokenValidation answer = newest ? accessAnswer : previousAnswer;
        if (answer == null) {
            answer = GrantCodec.validAnswer(grant, newest ? accessExpiry : previousExpiry);
            if (newest) {
                accessAnswer = answer;
            } else {
                previousAnswer = answer;
            }
        }
        return answer;
    }

    /** @return {@link #ACCESS}, {@link #PREVIOUS_ACCESS}, {@link #REFRESH}, {@link #ROTATED} or {@link #NONE} */
    int find(TokenHash hash) {
        if (hash.is(accessHigh, accessLow)) {
            return ACCESS;
        }
        if (hash.is(refreshHigh, refreshLow)) {
            return REFRESH;
        }
        if (hasPrevious() && hash.is(previousHigh, previousLow)) {
            return PREVIOUS_ACCESS;
        }
        for (int i = 0; i < rotated.length; i += 2) {
            if (hash.is(rotated[i], rotated[i + 1])) {
                return ROTATED;
            }
        }
        return NONE;
    }

    boolean hasPrevious() {
        return previousExpiry != 0;
    }

    TokenHash access() {
        return new TokenHash(accessHigh, accessLow);
    }

    /** @return the previous access token's hash, or null */
    TokenHash previous() {
        return hasPrevious() ? new TokenHash(previousHigh, previousLow) : null;
    }

    TokenHash refresh() {
        return new TokenHash(refreshHigh, refreshLow);
    }

    int rotatedCount() {
        return rotated.length / 2;
    }

    /** @param i 0 for the oldest */
    TokenHash rotated(int i) {
        return new TokenHash(rotated[2 * i], rotated[2 * i + 1]);
    }

    /** @return whether the hash is the refresh token rotated away last */
    boolean isLastRotated(TokenHash hash) {
        int n = rotated.length;
        return n > 0 && hash.is(rotated[n - 2], rotated[n - 1]);
    }
}
