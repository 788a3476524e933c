package io.gatepass.tokens.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.gatepass.api.Grant;
import io.gatepass.api.GrantStatus;

/**
 * A grant in memory. What never changes is final; the current tokens are one immutable
 * {@link Tokens} value swapped under the grant's monitor, so validation reads a consistent set
 * without a lock.
 */
final class GrantState {

    /** Refresh tokens rotated away that are still recognised as reuse. */
    static final int ROTATED_KEPT = 16;

    /**
     * The tokens of a grant at one moment.
     *
     * @param access the newest access token
     * @param previousAccess the one before it, still valid until it expires; may be null
     * @param refresh the hash of the current refresh token
     * @param refreshIssued when the current refresh token was issued (for the idle timeout)
     * @param rotated hashes of earlier refresh tokens, oldest first, at most {@link #ROTATED_KEPT}
     */
    record Tokens(IndexEntry.Access access, IndexEntry.Access previousAccess, TokenHash refresh,
                  long refreshIssued, List<TokenHash> rotated) {
    }

    final String id;
    final String appId;
    final String username;
    final Set<String> roles;
    final long created;
    /** Epoch millis after which the grant can no longer refresh; {@code Long.MAX_VALUE}: never. */
    final long refreshAbsoluteExpiry;

    volatile Tokens tokens;
    volatile long lastUsed;
    /**
     * Whether the newest access token has been presented since the last rotation. Until it has,
     * a client may have lost the answer that carried it; kept in memory only.
     */
    volatile boolean newestAccessUsed;
    /**
     * When the last rotation became durable; in memory only. A slow sync must not make refreshes
     * that queued behind it look like a retry after a lost answer.
     */
    volatile long rotationDurableAt;
    volatile long revokedAt;
    volatile String revocation;
    volatile boolean expiringNotified;

    GrantState(String id, String appId, String username, Set<String> roles, long created,
               long refreshAbsoluteExpiry) {
        this.id = id;
        this.appId = appId;
        this.username = username;
        this.roles = Set.copyOf(roles);
        this.created = created;
        this.refreshAbsoluteExpiry = refreshAbsoluteExpiry;
    }

    boolean isRevoked() {
        return revokedAt != 0;
    }

    /** @return when the current refresh token stops working, counting the idle timeout */
    long refreshExpiry(Duration idleTimeout) {
        Tokens current = tokens;
        if (idleTimeout.isZero()) {
            return refreshAbsoluteExpiry;
        }
        return Math.min(refreshAbsoluteExpiry, current.refreshIssued() + idleTimeout.toMillis());
    }

    /** @return whether nothing of this grant can work any more at {@code now} */
    boolean hasEnded(long now, Duration idleTimeout) {
        return isRevoked() || (now >= refreshExpiry(idleTimeout) && now >= tokens.access().expiresAt());
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
        return now >= tokens.access().expiresAt() ? GrantStatus.ACCESS_EXPIRED : GrantStatus.ACTIVE;
    }

    Grant toGrant(long now, Duration idleTimeout, boolean appEnabled) {
        long refreshExpiry = refreshExpiry(idleTimeout);
        return new Grant(id, appId, username, roles, Instant.ofEpochMilli(created),
            lastUsed == 0 ? null : Instant.ofEpochMilli(lastUsed),
            Instant.ofEpochMilli(tokens.access().expiresAt()),
            refreshExpiry == Long.MAX_VALUE ? null : Instant.ofEpochMilli(refreshExpiry),
            status(now, idleTimeout, appEnabled), revocation);
    }

    @Override
    public String toString() {
        return "Grant[" + id + ", app=" + appId + ", user=" + username + "]";
    }
}
