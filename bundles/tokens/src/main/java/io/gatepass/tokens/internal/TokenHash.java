package io.gatepass.tokens.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import io.gatepass.api.StoreException;
import io.gatepass.api.TokenKind;
import io.gatepass.spi.PrefixedSecret;

/**
 * The first 128 bits of the SHA-256 of a token: what Gatepass stores and looks tokens up by.
 * Tokens are 256 random bits, so an unsalted hash is safe, and 128 bits of it are as hard to
 * match as a 128-bit key: finding a token for a stored hash takes 2<sup>128</sup> tries. Two
 * longs rather than a byte array, so a grant keeps its hashes in fields and the index compares
 * them without following a pointer.
 */
final class TokenHash {

    /** Bytes of a hash as stored: 128 bits. Version 1 records held all 32 bytes of SHA-256. */
    static final int BYTES = 16;

    private static final int MAX_TOKEN_LENGTH = 64;

    private static final int SHA256_BYTES = 32;

    /** One digest and buffer per thread: hashing on the hot path allocates only the result. */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    final long high;
    final long low;

    TokenHash(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** @param token a well-formed token (ASCII, at most 64 characters) */
    static TokenHash of(CharSequence token) {
        return HASHER.get().hash(token);
    }

    /**
     * Checks the token's shape (all but its checksum) and hashes it in one pass over its
     * characters, for the hot path: see {@link PrefixedSecret#copyIfShaped}. The token's bytes stay
     * in this thread's buffer for {@link #heldChecksumMatches}; the caller ends with
     * {@link #wipeHeld} in a {@code finally}.
     *
     * @return the hash if the token has the shape of a token of the kind, else null
     */
    static TokenHash ofShapedHolding(String token, TokenKind kind) {
        return HASHER.get().hashIfShaped(token, kind.prefix());
    }

    /**
     * @return whether the token last hashed by {@link #ofShapedHolding} on this thread has a
     *     matching checksum; for tokens not found, to tell a mistyped one from an unknown one
     */
    static boolean heldChecksumMatches(TokenKind kind) {
        return HASHER.get().heldChecksumMatches(kind.prefix());
    }

    /** Wipes the bytes of the token last hashed by {@link #ofShapedHolding} on this thread. */
    static void wipeHeld() {
        HASHER.get().wipeHeld();
    }

    /**
     * @param text a stored hash: 16 bytes, or the 32 of a version 1 record, whose first 16 count
     * @throws StoreException if it is neither
     */
    static TokenHash fromBase64(String key, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new StoreException("The stored grant '" + key + "' has a token hash that is not base64.");
        }
        if (bytes.length != BYTES && bytes.length != SHA256_BYTES) {
            throw new StoreException("The stored grant '" + key + "' has a token hash of " + bytes.length
                + " bytes; expected " + BYTES + " or " + SHA256_BYTES + ".");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new TokenHash(buffer.getLong(), buffer.getLong());
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array());
    }

    boolean is(long otherHigh, long otherLow) {
        return high == otherHigh && low == otherLow;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash hash && hash.is(high, low);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high);
    }

    @Override
    public String toString() {
        return "TokenHash[hidden]";
    }

    private static final class Hasher {

        private final MessageDigest digest;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[MAX_TOKEN_LENGTH];
        /** How many bytes of a token {@link #hashIfShaped} left in the buffer; 0 once wiped. */
        private int held;
        private final byte[] result = new byte[SHA256_BYTES];
        private final ByteBuffer words = ByteBuffer.wrap(result);

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }

        TokenHash hash(CharSequence token) {
            int length = token.length();
            for (int i = 0; i < length; i++) {
                buffer[i] = (byte) token.charAt(i);
            }
            return digestOfBuffer(length);
        }

        boolean heldChecksumMatches(String prefix) {
            return held > 0 && PrefixedSecret.checksumMatches(prefix, buffer, crc);
        }

        void wipeHeld() {
            if (held > 0) {
                Arrays.fill(buffer, 0, held, (byte) 0);
                held = 0;
            }
        }

        TokenHash hashIfShaped(String token, String prefix) {
            int length = PrefixedSecret.copyIfShaped(prefix, token, buffer);
            if (length < 0) {
                Arrays.fill(buffer, (byte) 0);
                held = 0;
                return null;
            }
            held = length;
            return digest(length);
        }

        /** Hashes the first bytes of the buffer, then wipes them: they are a token. */
        private TokenHash digestOfBuffer(int length) {
            TokenHash hash = digest(length);
            Arrays.fill(buffer, 0, length, (byte) 0);
            held = 0;
            return hash;
        }

        private TokenHash digest(int length) {
            digest.update(buffer, 0, length);
            try {
                digest.digest(result, 0, SHA256_BYTES);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 refused a buffer of its own length", e);
            }
            return new TokenHash(words.getLong(0), words.getLong(Long.BYTES));
        }
    }
}
