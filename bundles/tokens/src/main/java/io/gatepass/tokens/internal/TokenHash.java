package io.gatepass.tokens.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The SHA-256 of a token: what Gatepass stores and looks tokens up by. Tokens are 256 random
 * bits, so an unsalted hash is safe; it lets a presented token be found with one map lookup.
 */
final class TokenHash {

    private static final int MAX_TOKEN_LENGTH = 64;

    /** One digest and buffer per thread: hashing on the hot path allocates only the result. */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private final byte[] bytes;
    private final int hashCode;

    private TokenHash(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    /** @param token a well-formed token (ASCII, at most 64 characters) */
    static TokenHash of(CharSequence token) {
        return new TokenHash(HASHER.get().hash(token));
    }

    static TokenHash fromBase64(String text) {
        return new TokenHash(Base64.getDecoder().decode(text));
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return "TokenHash[hidden]";
    }

    private static final class Hasher {

        private final MessageDigest digest;
        private final byte[] buffer = new byte[MAX_TOKEN_LENGTH];

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }

        byte[] hash(CharSequence token) {
            int length = token.length();
            for (int i = 0; i < length; i++) {
                buffer[i] = (byte) token.charAt(i);
            }
            digest.update(buffer, 0, length);
            Arrays.fill(buffer, 0, length, (byte) 0);
            return digest.digest();
        }
    }
}
