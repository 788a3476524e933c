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
    /** 1 for every ASCII character outside the base64url alphabet, 0 inside. */
    private static final byte[] NOT_BASE64URL = outside(BASE64URL);
    /** The value of every ASCII base62 digit; negative for other characters. */
    private static final int[] BASE62_DIGIT = digits(BASE62);
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

    /** The same check on any character sequence. */
    public static boolean isWellFormed(String prefix, CharSequence candidate) {
        byte[] buffer = new byte[prefix.length() + RANDOM_CHARS + CHECKSUM_CHARS];
        try {
            return copyIfWellFormed(prefix, candidate, buffer, new CRC32()) >= 0;
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    /**
     * Checks the form of a candidate as {@link #isWellFormed(String, CharSequence)} does and, in
     * the same pass, copies its characters as ASCII bytes into the buffer, ready to be hashed.
     *
     * @param buffer receives the bytes; at least {@link #length(String)} long. It holds part of a
     *     secret afterwards, even when the answer is -1: the caller wipes it
     * @param crc reset and used for the checksum
     * @return the candidate's length when it is well-formed, else -1
     */
    public static int copyIfWellFormed(String prefix, CharSequence candidate, byte[] buffer, CRC32 crc) {
        int length = copyIfShaped(prefix, candidate, buffer);
        return length >= 0 && checksumMatches(prefix, buffer, crc) ? length : -1;
    }

    /**
     * Checks everything but the checksum (prefix, length, alphabets) and copies the characters as
     * ASCII bytes into the buffer, reading the text once and allocating nothing. Token validation
     * uses it on every request: a token found by its hash was issued, so its checksum is right,
     * and only a token that is not found needs it, to tell a mistyped one from an unknown one.
     *
     * @param buffer as for {@link #copyIfWellFormed}
     * @return the candidate's length when it has the shape of a secret with the prefix, else -1
     */
    public static int copyIfShaped(String prefix, CharSequence candidate, byte[] buffer) {
        int bodyEnd = prefix.length() + RANDOM_CHARS;
        int length = bodyEnd + CHECKSUM_CHARS;
        if (candidate == null || candidate.length() != length || buffer.length < length) {
            return -1;
        }
        // Branch-free loops: OR-ing what is wrong and deciding once is several times faster than
        // a test per character.
        int high = 0;
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            high |= c;
            buffer[i] = (byte) c;
        }
        if (high >= 128) {
            return -1;
        }
        int wrong = 0;
        for (int i = 0; i < prefix.length(); i++) {
            wrong |= buffer[i] ^ prefix.charAt(i);
        }
        for (int i = prefix.length(); i < bodyEnd; i++) {
            wrong |= NOT_BASE64URL[buffer[i] & 0x7F];
        }
        for (int i = bodyEnd; i < length; i++) {
            wrong |= BASE62_DIGIT[buffer[i] & 0x7F] >>> 31;
        }
        return wrong == 0 ? length : -1;
    }

    /**
     * @param buffer a candidate copied by {@link #copyIfShaped}
     * @param crc reset and used
     * @return whether its checksum characters spell the CRC-32 of the rest
     */
    public static boolean checksumMatches(String prefix, byte[] buffer, CRC32 crc) {
        int bodyEnd = prefix.length() + RANDOM_CHARS;
        // The checksum characters read as a base62 number: 62^6 > 2^32, so only one spells the CRC.
        long presented = 0;
        for (int i = bodyEnd; i < bodyEnd + CHECKSUM_CHARS; i++) {
            presented = presented * 62 + BASE62_DIGIT[buffer[i] & 0x7F];
        }
        crc.reset();
        crc.update(buffer, 0, bodyEnd);
        return presented == crc.getValue();
    }

    /** @return the length of every secret with this prefix */
    public static int length(String prefix) {
        return prefix.length() + RANDOM_CHARS + CHECKSUM_CHARS;
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

    private static int[] digits(char[] alphabet) {
        int[] digits = new int[128];
        Arrays.fill(digits, -1);
        for (int i = 0; i < alphabet.length; i++) {
            digits[alphabet[i]] = i;
        }
        return digits;
    }

    private static byte[] outside(char[] alphabet) {
        byte[] outside = new byte[128];
        Arrays.fill(outside, (byte) 1);
        for (char c : alphabet) {
            outside[c] = 0;
        }
        return outside;
    }

    private static void writeChecksum(char[] secret, int bodyEnd) {
        long value = crc(secret, bodyEnd);
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            secret[bodyEnd + i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
    }

    /**
     * CRC-32 of a new secret's characters (all ASCII) before {@code end}, as
     * {@link #checksumMatches} computes it on a candidate's bytes. The copy holds the secret's
     * characters, so it is wiped.
     */
    private static long crc(char[] secret, int end) {
        byte[] bytes = new byte[end];
        for (int i = 0; i < end; i++) {
            bytes[i] = (byte) secret[i];
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        Arrays.fill(bytes, (byte) 0);
        return crc.getValue();
    }
}
