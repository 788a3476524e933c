package io.gatepass.registry.internal;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppType;

/**
 * A client app as written to the store: the public fields, the hash of its client secret, the
 * hash of the previous secret during a rotation's grace period, and when it was deleted.
 * Deleted apps stay as tombstones so their ids are never reused by accident.
 *
 * <p>Times are epoch milliseconds and lifetimes seconds, so the record needs no Jackson modules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredClientApp(
    int v,
    String id,
    String name,
    String description,
    String type,
    boolean enabled,
    Long accessTtlSeconds,
    Long refreshTtlSeconds,
    long created,
    long updated,
    Long lastUsed,
    Long deleted,
    SecretHash secret,
    SecretHash previousSecret) {

    static final int FORMAT_VERSION = 1;

    /**
     * A salted SHA-256 of a client secret; {@code validUntil} is set on a previous secret only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecretHash(byte[] salt, byte[] hash, Long validUntil) {

        @Override
        public String toString() {
            return "SecretHash[hidden]";
        }
    }

    @JsonIgnore
    boolean isDeleted() {
        return deleted != null;
    }

    @JsonIgnore
    ClientAppType clientAppType() {
        return ClientAppType.parse(type);
    }

    ClientApp toClientApp() {
        return new ClientApp(id, name, description, clientAppType(), enabled,
            accessTtlSeconds == null ? null : Duration.ofSeconds(accessTtlSeconds),
            refreshTtlSeconds == null ? null : Duration.ofSeconds(refreshTtlSeconds),
            Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated),
            lastUsed == null ? null : Instant.ofEpochMilli(lastUsed));
    }

    StoredClientApp withEnabled(boolean newEnabled, Instant now) {
        return new StoredClientApp(v, id, name, description, type, newEnabled, accessTtlSeconds,
            refreshTtlSeconds, created, now.toEpochMilli(), lastUsed, deleted, secret, previousSecret);
    }

    StoredClientApp withFields(String newName, String newDescription, Long newAccessTtl,
                               Long newRefreshTtl, Instant now) {
        return new StoredClientApp(v, id, newName, newDescription, type, enabled, newAccessTtl,
            newRefreshTtl, created, now.toEpochMilli(), lastUsed, deleted, secret, previousSecret);
    }

    StoredClientApp withSecrets(SecretHash newSecret, SecretHash newPrevious, Instant now) {
        return new StoredClientApp(v, id, name, description, type, enabled, accessTtlSeconds,
            refreshTtlSeconds, created, now.toEpochMilli(), lastUsed, deleted, newSecret, newPrevious);
    }

    StoredClientApp withLastUsed(Instant when) {
        return new StoredClientApp(v, id, name, description, type, enabled, accessTtlSeconds,
            refreshTtlSeconds, created, updated, when.toEpochMilli(), deleted, secret, previousSecret);
    }

    /** The tombstone keeps the id, name and times; secrets are dropped, the app disabled. */
    StoredClientApp asDeleted(Instant now) {
        return new StoredClientApp(v, id, name, description, type, false, accessTtlSeconds,
            refreshTtlSeconds, created, now.toEpochMilli(), lastUsed, now.toEpochMilli(), null, null);
    }
}
