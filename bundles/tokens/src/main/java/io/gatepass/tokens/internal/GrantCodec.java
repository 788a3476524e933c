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
        GrantState.Tokens tokens = grant.tokens;
        List<StoredAccess> access = new ArrayList<>(2);
        access.add(new StoredAccess(tokens.access().hash().toBase64(), tokens.access().expiresAt()));
        if (tokens.previousAccess() != null) {
            access.add(new StoredAccess(tokens.previousAccess().hash().toBase64(),
                tokens.previousAccess().expiresAt()));
        }
        StoredGrant stored = new StoredGrant(StoredGrant.FORMAT_VERSION, grant.id, grant.appId,
            grant.username, List.copyOf(grant.roles), grant.created,
            grant.refreshAbsoluteExpiry == Long.MAX_VALUE ? null : grant.refreshAbsoluteExpiry, access,
            tokens.refresh().toBase64(), tokens.refreshIssued(),
            tokens.rotated().stream().map(TokenHash::toBase64).toList(), grant.expiringNotified);
        return write(stored, grant.id);
    }

    GrantState decode(String key, byte[] bytes) {
        StoredGrant stored = read(key, bytes, StoredGrant.class);
        if (stored.v() != StoredGrant.FORMAT_VERSION) {
            throw new StoreException("The stored grant '" + key + "' has format version " + stored.v()
                + "; this Gatepass reads version " + StoredGrant.FORMAT_VERSION
                + ". Upgrade Gatepass or restore a backup.");
        }
        GrantState grant = new GrantState(stored.id(), stored.app(), stored.user(), Set.copyOf(stored.roles()),
            stored.created(), stored.refreshExpires() == null ? Long.MAX_VALUE : stored.refreshExpires());
        IndexEntry.Access access = access(grant, stored.access().get(0));
        IndexEntry.Access previous = stored.access().size() > 1 ? access(grant, stored.access().get(1)) : null;
        grant.tokens = new GrantState.Tokens(access, previous, TokenHash.fromBase64(stored.refresh()),
            stored.refreshIssued(), stored.rotated().stream().map(TokenHash::fromBase64).toList());
        grant.expiringNotified = stored.notified();
        return grant;
    }

    /** @return the entry of a newly issued access token, with its validation answer made once */
    static IndexEntry.Access access(GrantState grant, TokenHash hash, long expiresAt) {
        TokenPrincipal principal = new TokenPrincipal(grant.id, grant.appId, grant.username, grant.roles,
            Instant.ofEpochMilli(expiresAt));
        return new IndexEntry.Access(grant, hash, expiresAt, TokenValidation.valid(principal));
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

    private static IndexEntry.Access access(GrantState grant, StoredAccess stored) {
        return access(grant, TokenHash.fromBase64(stored.h()), stored.exp());
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
