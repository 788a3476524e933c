package io.gatepass.store.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity of a key in a {@link LocationTable}: the first 128 bits of the SHA-256 of its
 * UTF-8 bytes, as two longs. Two keys with the same 128 bits are as unlikely as two tokens with
 * the same hash, the argument Gatepass already relies on for token hashes; reads still compare
 * the key stored with the record, so a collision would be reported, never answered wrongly.
 * Not thread-safe: each thread or task digests with its own.
 */
final class KeyDigest {

    private final MessageDigest sha256;
    private long high;
    private long low;

    KeyDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256, which every Java "
                    + "runtime must provide", e);
        }
    }

    /** Digests the key; {@link #high()} and {@link #low()} then answer for it. */
    KeyDigest of(String key) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        high = digest.getLong(0);
        low = digest.getLong(8);
        return this;
    }

    /** @return the first 64 bits of the last key's digest; they also choose its table slot */
    long high() {
        return high;
    }

    /** @return the next 64 bits of the last key's digest */
    long low() {
        return low;
    }
}
