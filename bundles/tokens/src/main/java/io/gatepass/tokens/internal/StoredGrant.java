package io.gatepass.tokens.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A grant as written to the store collection {@code grants}: hashes of its tokens, never the
 * tokens. Revocations and last-used times live in collections of their own, so that writing
 * them never races with a refresh rewriting this record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredGrant(
    int v,
    String id,
    String app,
    String user,
    List<String> roles,
    long created,
    Long refreshExpires,
    List<StoredAccess> access,
    String refresh,
    long refreshIssued,
    List<String> rotated,
    boolean notified) {

    /**
     * Version 2 keeps 128 bits of each token's SHA-256, version 1 kept all 256; this Gatepass
     * reads both and writes 2.
     */
    static final int FORMAT_VERSION = 2;
    static final int OLDEST_FORMAT_VERSION = 1;

    /** An access token's hash (base64) and expiry (epoch millis). */
    record StoredAccess(String h, long exp) {
    }

    /** Why and when a grant was revoked; collection {@code grant-revocations}. */
    record StoredRevocation(int v, long at, String why) {
    }
}
