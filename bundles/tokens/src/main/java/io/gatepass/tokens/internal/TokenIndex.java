package io.gatepass.tokens.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.gatepass.spi.PrefixedSecret;

/**
 * Every grant in memory, and the hash of every token that still means something mapped to its
 * grant: the current and previous access tokens, the current refresh token, and the rotated
 * refresh tokens kept for reuse detection. Lookups take no lock.
 */
final class TokenIndex {

    private final Map<TokenHash, IndexEntry> byHash = new ConcurrentHashMap<>();
    private final Map<String, GrantState> byId = new ConcurrentHashMap<>();

    IndexEntry find(TokenHash hash) {
        return byHash.get(hash);
    }

    GrantState grant(String id) {
        return id == null ? null : byId.get(id);
    }

    Collection<GrantState> grants() {
        return byId.values();
    }

    Map<String, GrantState> grantsById() {
        return byId;
    }

    /** Puts a grant and all its token hashes into memory. */
    void add(GrantState grant) {
        GrantState.Tokens tokens = grant.tokens;
        byId.put(grant.id, grant);
        byHash.put(tokens.access().hash(), tokens.access());
        if (tokens.previousAccess() != null) {
            byHash.put(tokens.previousAccess().hash(), tokens.previousAccess());
        }
        byHash.put(tokens.refresh(), new IndexEntry.Refresh(grant, tokens.refresh()));
        tokens.rotated().forEach(hash -> byHash.put(hash, new IndexEntry.Refresh(grant, hash)));
    }

    /** Records a rotation: the new tokens in, the ones that no longer mean anything out. */
    void rotated(GrantState grant, GrantState.Tokens before, Collection<TokenHash> forgotten) {
        GrantState.Tokens now = grant.tokens;
        byHash.put(now.access().hash(), now.access());
        byHash.put(now.refresh(), new IndexEntry.Refresh(grant, now.refresh()));
        if (before.previousAccess() != null) {
            byHash.remove(before.previousAccess().hash());
        }
        forgotten.forEach(byHash::remove);
    }

    /** Takes an ended grant and its hashes out of memory. */
    void remove(GrantState grant) {
        GrantState.Tokens tokens = grant.tokens;
        byId.remove(grant.id, grant);
        byHash.remove(tokens.access().hash());
        if (tokens.previousAccess() != null) {
            byHash.remove(tokens.previousAccess().hash());
        }
        byHash.remove(tokens.refresh());
        tokens.rotated().forEach(byHash::remove);
    }

    /** @return a new grant id, {@code g-} and 16 hex digits, not in use */
    String newGrantId() {
        String id;
        do {
            id = "g-" + HexFormat.of().formatHex(PrefixedSecret.randomBytes(8));
        } while (byId.containsKey(id));
        return id;
    }

    Set<String> appIds() {
        Set<String> ids = new HashSet<>();
        byId.values().forEach(g -> ids.add(g.appId));
        return ids;
    }
}
