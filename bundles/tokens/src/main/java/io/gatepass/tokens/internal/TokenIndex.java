package io.gatepass.tokens.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.gatepass.spi.PrefixedSecret;

/**
 * Every grant in memory, found by its id and by the hash of every token that still means
 * something: the current and previous access tokens, the current refresh token, and the rotated
 * refresh tokens kept for reuse detection. Two {@link LongTable}s keyed by the id's bits and by
 * the first word of each token hash; a candidate counts only if the grant itself holds the whole
 * 128-bit hash (or the id), so a stale or shared key never answers for another grant. Lookups
 * take no lock.
 */
final class TokenIndex {

    private final LongTable<GrantState> byId = new LongTable<>();
    private final LongTable<GrantState> byToken = new LongTable<>();
    /** One subject per app, user and roles; shared by their grants. */
    private final ConcurrentHashMap<GrantSubject, GrantSubject> subjects = new ConcurrentHashMap<>();

    /** @return the grant that holds the token hash in any role, or null */
    GrantState find(TokenHash hash) {
        return byToken.find(hash.high, hash, (grant, h) -> grant.tokens.find(h) != GrantTokens.NONE);
    }

    GrantState grant(String id) {
        OptionalLong bits = GrantState.idBits(id);
        return bits.isPresent() ? grant(bits.getAsLong()) : null;
    }

    GrantState grant(long idBits) {
        return byId.find(idBits, null, (grant, unused) -> grant.idBits == idBits);
    }

    /** @return a snapshot of every grant in memory */
    List<GrantState> grants() {
        List<GrantState> all = new ArrayList<>(byId.size());
        byId.forEach(all::add);
        return all;
    }

    int size() {
        return byId.size();
    }

    /** @return the shared instance equal to this subject */
    GrantSubject subject(String appId, String username, Set<String> roles) {
        GrantSubject subject = new GrantSubject(appId, username, roles);
        GrantSubject shared = subjects.putIfAbsent(subject, subject);
        return shared == null ? subject : shared;
    }

    /** Puts a grant and all its token hashes into memory. */
    void add(GrantState grant) {
        GrantTokens tokens = grant.tokens;
        byId.add(grant.idBits, grant);
        byToken.add(tokens.accessHigh, grant);
        if (tokens.hasPrevious()) {
            byToken.add(tokens.previousHigh, grant);
        }
        byToken.add(tokens.refreshHigh, grant);
        for (int i = 0; i < tokens.rotatedCount(); i++) {
            byToken.add(tokens.rotated(i).high, grant);
        }
    }

    /** Records a rotation: the new tokens in, the ones that no longer mean anything out. */
    void rotated(GrantState grant, GrantTokens before) {
        GrantTokens now = grant.tokens;
        byToken.add(now.accessHigh, grant);
        byToken.add(now.refreshHigh, grant);
        if (before.hasPrevious()) {
            byToken.remove(before.previousHigh, grant);
        }
        if (before.rotatedCount() == GrantState.ROTATED_KEPT) {
            byToken.remove(before.rotated(0).high, grant);
        }
    }

    /** Takes an ended grant and its hashes out of memory. */
    void remove(GrantState grant) {
        GrantTokens tokens = grant.tokens;
        if (!byId.remove(grant.idBits, grant)) {
            return;
        }
        byToken.remove(tokens.accessHigh, grant);
        if (tokens.hasPrevious()) {
            byToken.remove(tokens.previousHigh, grant);
        }
        byToken.remove(tokens.refreshHigh, grant);
        for (int i = 0; i < tokens.rotatedCount(); i++) {
            byToken.remove(tokens.rotated(i).high, grant);
        }
    }

    /** @return the bits of a new grant id, not in use */
    long newGrantId() {
        long bits;
        do {
            bits = ByteBuffer.wrap(PrefixedSecret.randomBytes(Long.BYTES)).getLong();
        } while (grant(bits) != null);
        return bits;
    }

    Set<String> appIds() {
        Set<String> ids = new HashSet<>();
        byId.forEach(g -> ids.add(g.appId()));
        return ids;
    }
}
