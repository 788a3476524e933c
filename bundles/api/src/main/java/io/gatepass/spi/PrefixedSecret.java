package io.gatepass.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The shape of every secret Gatepass hands out (client secrets, access and refresh tokens): a
 * readable prefix naming the kind, 256 random bits, and a checksum.
 *
 * <pre>gp&lt;kind&gt;_&lt;43 base64url characters&gt;&lt;6 base62 checksum characters&gt;</pre>
 *
 * <p>The prefix lets secret scanners recognise a leaked secret; the checksum lets Gatepass reject
 * a mistyped or truncated one before any lookup. Only a hash of a secret is ever stored.
 */
public final class PrefixedSecret {

    /** Random bytes in each secret: 256 bits. */
    public static final int RANDOM_BYTES = 32;

    private static final int RANDOM_CHARS = 43;
    private static final int CHECKSUM_CHARS = 6;
    private static final char[] BASE64URL =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final char[] BASE62 =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrefixedSecret() {
    }

    /**
     * @param prefix the kind, e.g. {@code gpcs_} for a client secret
     * @return a new secret with that prefix
     */
    public static char[] generate(String prefix) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        char[] secret = new char[prefix.length() + RANDOM_CHARS + CHECKSUM_CHARS];
        prefix.getChars(0, prefix.length(), secret, 0);
        encodeBase64Url(random, secret, prefix.length());
        Arrays.fill(random, (byte) 0);
        writeChecksum(secret, prefix.length() + RANDOM_CHARS);
        return secret;
    }

    /**
     * @param prefix the expected kind
     * @param candidate the presented text; not kept
     * @return whether it has this prefix, the right length, only allowed characters and a
     *     matching checksum
     */
    public static boolean isWellFormed(String prefix, char[] candidate) {
        return candidate != null && isWellFormed(prefix, java.nio.CharBuffer.wrap(candidate));
    }

    /**
     * The same check on any character sequence, allocating nothing: token validation calls it
     * on every request.
     */
    public static boolean isWellFormed(String prefix, CharSequence candidate) {
        int bodyEnd = prefix.length() + RANDOM_CHARS;
        if (candidate == null || candidate.length() != bodyEnd + CHECKSUM_CHARS) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (candidate.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        for (int i = prefix.length(); i < bodyEnd; i++) {
            if (!isBase64Url(candidate.charAt(i))) {
                return false;
            }
        }
        long expected = crc(candidate, bodyEnd);
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            if (candidate.charAt(bodyEnd + i) != BASE62[(int) (expected % 62)]) {
                return false;
            }
            expected /= 62;
        }
        return true;
    }

    /**
     * @param salt bytes mixed in before the secret; may be empty
     * @param secret the secret; not kept
     * @return SHA-256 of salt and the secret's UTF-8 bytes (ASCII for Gatepass secrets)
     */
    public static byte[] hash(byte[] salt, char[] secret) {
        byte[] bytes = new byte[secret.length];
        for (int i = 0; i < secret.length; i++) {
            // Gatepass secrets are ASCII; anything else cannot match and is hashed as '?'.
            bytes[i] = secret[i] < 128 ? (byte) secret[i] : (byte) '?';
        }
        MessageDigest digest = sha256();
        digest.update(salt);
        byte[] hash = digest.digest(bytes);
        Arrays.fill(bytes, (byte) 0);
        return hash;
    }

    /**
     * @return whether the secret hashes to the expected hash, compared in constant time
     */
    public static boolean matches(byte[] salt, byte[] expectedHash, char[] secret) {
        return MessageDigest.isEqual(expectedHash, hash(salt, secret));
    }

    /** @return {@code count} random bytes from the shared {@link SecureRandom} */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void encodeBase64Url(byte[] data, char[] out, int offset) {
        int bits = 0;
        int bitCount = 0;
        int position = offset;
        for (byte b : data) {
            bits = (bits << 8) | (b & 0xff);
            bitCount += 8;
            while (bitCount >= 6) {
                bitCount -= 6;
                out[position++] = BASE64URL[(bits >> bitCount) & 0x3f];
            }
        }
        if (bitCount > 0) {
            out[position] = BASE64URL[(bits << (6 - bitCount)) & 0x3f];
        }
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
    }

    private static void writeChecksum(char[] secret, int bodyEnd) {
        long value = crc(java.nio.CharBuffer.wrap(secret), bodyEnd);
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            secret[bodyEnd + i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
    }

    /**
     * CRC-32 of the characters' low bytes (they are ASCII by then) with the JDK's {@link CRC32},
     * which the JIT turns into a few carry-less multiplications: validation runs this on every
     * request. The copy holds a secret's characters, so it is wiped.
     */
    private static long crc(CharSequence text, int end) {
        byte[] bytes = new byte[end];
        for (int i = 0; i < end; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        Arrays.fill(bytes, (byte) 0);
        return crc.getValue();
    }
}
