package io.gatepass.tokens.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.StoreException;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenValidation;
import io.gatepass.tokens.internal.StoredGrant.StoredAccess;
import io.gatepass.tokens.internal.StoredGrant.StoredRevocation;

/** Grants, revocations and use times to and from the bytes of the store. */
final class GrantCodec {

    private final ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    byte[] encode(GrantState grant) {
        GrantTokens tokens = grant.tokens;
        List<StoredAccess> access = new ArrayList<>(2);
        access.add(new StoredAccess(tokens.access().toBase64(), tokens.accessExpiry));
        if (tokens.hasPrevious()) {
            access.add(new StoredAccess(tokens.previous().toBase64(), tokens.previousExpiry));
        }
        List<String> rotated = new ArrayList<>(tokens.rotatedCount());
        for (int i = 0; i < tokens.rotatedCount(); i++) {
            rotated.add(tokens.rotated(i).toBase64());
        }
        StoredGrant stored = new StoredGrant(StoredGrant.FORMAT_VERSION, grant.id(), grant.appId(),
            grant.username(), List.copyOf(grant.roles()), grant.created,
            grant.refreshAbsoluteExpiry == Long.MAX_VALUE ? null : grant.refreshAbsoluteExpiry, access,
            tokens.refresh().toBase64(), tokens.refreshIssued, rotated, grant.expiringNotified);
        return write(stored, grant.id());
    }

    /**
     * @param subjects gives the shared subject of an app, user and roles
     * @throws StoreException if the record is damaged or of a format this Gatepass does not read
     */
    GrantState decode(String key, byte[] bytes, Subjects subjects) {
        StoredGrant stored = read(key, bytes, StoredGrant.class);
        if (stored.v() < StoredGrant.OLDEST_FORMAT_VERSION || stored.v() > StoredGrant.FORMAT_VERSION) {
            throw new StoreException("The stored grant '" + key + "' has format version " + stored.v()
                + "; this Gatepass reads versions " + StoredGrant.OLDEST_FORMAT_VERSION + " to "
                + StoredGrant.FORMAT_VERSION + ". Upgrade Gatepass or restore a backup.");
        }
        if (stored.access() == null || stored.access().isEmpty() || stored.refresh() == null
            || stored.app() == null || stored.user() == null || stored.roles() == null) {
            throw new StoreException("The stored grant '" + key + "' lacks its app, user, roles or token hashes.");
        }
        long idBits = GrantState.storedIdBits(key);
        GrantState grant = new GrantState(idBits, subjects.subject(stored.app(), stored.user(),
            Set.copyOf(stored.roles())), stored.created(),
            stored.refreshExpires() == null ? Long.MAX_VALUE : stored.refreshExpires());
        StoredAccess access = stored.access().get(0);
        StoredAccess previous = stored.access().size() > 1 ? stored.access().get(1) : null;
        List<String> rotated = stored.rotated() == null ? List.of() : stored.rotated();
        grant.tokens = GrantTokens.stored(TokenHash.fromBase64(key, access.h()), access.exp(),
            previous == null ? null : TokenHash.fromBase64(key, previous.h()), previous == null ? 0 : previous.exp(),
            TokenHash.fromBase64(key, stored.refresh()), stored.refreshIssued(),
            rotated.stream().map(h -> TokenHash.fromBase64(key, h)).toArray(TokenHash[]::new));
        grant.expiringNotified = stored.notified();
        return grant;
    }

    /** Gives grants read from the store their shared subject; the token index is one. */
    @FunctionalInterface
    interface Subjects {
        GrantSubject subject(String appId, String username, Set<String> roles);
    }

    /** @return the answer to a successful validation of the grant's access token expiring then */
    static TokenValidation validAnswer(GrantState grant, long expiresAt) {
        return TokenValidation.valid(new TokenPrincipal(grant.id(), grant.appId(), grant.username(), grant.roles(),
            Instant.ofEpochMilli(expiresAt)));
    }

    byte[] encodeRevocation(long at, String why) {
        return write(new StoredRevocation(1, at, why), "revocation");
    }

    StoredRevocation decodeRevocation(String key, byte[] bytes) {
        return read(key, bytes, StoredRevocation.class);
    }

    static byte[] encodeUse(long lastUsed) {
        return Long.toString(lastUsed).getBytes(StandardCharsets.US_ASCII);
    }

    static long decodeUse(byte[] bytes) {
        return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
    }

    private byte[] write(Object value, String key) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new StoreException("Could not encode grant record '" + key + "'", e);
        }
    }

    private <T> T read(String key, byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new StoreException("The stored grant record '" + key + "' cannot be read: "
                + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StoreException("The stored grant record '" + key + "' cannot be read", e);
        }
    }
}
