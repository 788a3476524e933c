package io.gatepass.tokens.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Set;

import io.gatepass.api.Grant;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.StoreException;

/**
 * A grant in memory. What never changes is final; the current tokens are one immutable
 * {@link GrantTokens} value swapped under the grant's monitor, so validation reads a consistent
 * set without a lock. Laid out for a million of them: the id is a long, the app, user and roles
 * are one {@link GrantSubject} shared by every grant with the same ones, and a revocation is one
 * reference, null while the grant lives.
 */
final class GrantState {

    /** Refresh tokens rotated away that are still recognised as reuse. */
    static final int ROTATED_KEPT = 16;

    private static final String ID_PREFIX = "g-";
    private static final int ID_HEX_DIGITS = 16;

    /** Why and when a grant was revoked. */
    record Revocation(long at, String why) {
    }

    /** The 64 random bits of the id {@code g-} and 16 hex digits. */
    final long idBits;
    final GrantSubject subject;
    final long created;
    /** Epoch millis after which the grant can no longer refresh; {@code Long.MAX_VALUE}: never. */
    final long refreshAbsoluteExpiry;

    volatile GrantTokens tokens;
    volatile long lastUsed;
    /**
     * When the last rotation became durable; in memory only. A slow sync must not make refreshes
     * that queued behind it look like a retry after a lost answer.
     */
    volatile long rotationDurableAt;
    volatile Revocation revocation;
    /**
     * Whether the newest access token has been presented since the last rotation. Until it has,
     * a client may have lost the answer that carried it; kept in memory only.
     */
    volatile boolean newestAccessUsed;
    volatile boolean expiringNotified;

    GrantState(long idBits, GrantSubject subject, long created, long refreshAbsoluteExpiry) {
        this.idBits = idBits;
        this.subject = subject;
        this.created = created;
        this.refreshAbsoluteExpiry = refreshAbsoluteExpiry;
    }

    String id() {
        return idText(idBits);
    }

    String appId() {
        return subject.appId();
    }

    String username() {
        return subject.username();
    }

    Set<String> roles() {
        return subject.roles();
    }

    static String idText(long idBits) {
        return ID_PREFIX + HexFormat.of().toHexDigits(idBits);
    }

    /** @return the bits of a grant id, or empty if the text is not one */
    static OptionalLong idBits(String id) {
        if (id == null || id.length() != ID_PREFIX.length() + ID_HEX_DIGITS || !id.startsWith(ID_PREFIX)) {
            return OptionalLong.empty();
        }
        for (int i = ID_PREFIX.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(HexFormat.fromHexDigitsToLong(id, ID_PREFIX.length(), id.length()));
    }

    /** @throws StoreException if a stored key is not a grant id */
    static long storedIdBits(String key) {
        return idBits(key).orElseThrow(() -> new StoreException("The stored grant " + quoteKey(key)
            + " does not have a grant id (g- and 16 lower-case hex digits) as its key."));
    }

    private static String quoteKey(String key) {
        return "'" + (key.length() > 40 ? key.substring(0, 40) + "..." : key) + "'";
    }

    boolean isRevoked() {
        return revocation != null;
    }

    long revokedAt() {
        Revocation revoked = revocation;
        return revoked == null ? 0 : revoked.at();
    }

    /** @return when the current refresh token stops working, counting the idle timeout */
    long refreshExpiry(Duration idleTimeout) {
        GrantTokens current = tokens;
        if (idleTimeout.isZero()) {
            return refreshAbsoluteExpiry;
        }
        return Math.min(refreshAbsoluteExpiry, current.refreshIssued + idleTimeout.toMillis());
    }

    /** @return whether nothing of this grant can work any more at {@code now} */
    boolean hasEnded(long now, Duration idleTimeout) {
        return isRevoked() || (now >= refreshExpiry(idleTimeout) && now >= tokens.accessExpiry);
    }

    GrantStatus status(long now, Duration idleTimeout, boolean appEnabled) {
        if (isRevoked()) {
            return GrantStatus.REVOKED;
        }
        if (hasEnded(now, idleTimeout)) {
            return GrantStatus.EXPIRED;
        }
        if (!appEnabled) {
            return GrantStatus.APP_DISABLED;
        }
        return now >= tokens.accessExpiry ? GrantStatus.ACCESS_EXPIRED : GrantStatus.ACTIVE;
    }

    Grant toGrant(long now, Duration idleTimeout, boolean appEnabled) {
        long refreshExpiry = refreshExpiry(idleTimeout);
        Revocation revoked = revocation;
        return new Grant(id(), appId(), username(), roles(), Instant.ofEpochMilli(created),
            lastUsed == 0 ? null : Instant.ofEpochMilli(lastUsed),
            Instant.ofEpochMilli(tokens.accessExpiry),
            refreshExpiry == Long.MAX_VALUE ? null : Instant.ofEpochMilli(refreshExpiry),
            status(now, idleTimeout, appEnabled), revoked == null ? null : revoked.why());
    }

    @Override
    public String toString() {
        return "Grant[" + id() + ", app=" + appId() + ", user=" + username() + "]";
    }
}
