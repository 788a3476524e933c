package io.gatepass.api;

import java.time.Instant;

/**
 * One line of the audit trail. Holds no token, secret or password.
 *
 * @param time when it happened
 * @param event what happened: the last part of its Event Admin topic, e.g. {@code ISSUED}
 * @param appId the client app concerned, or null
 * @param username the server user concerned, or null
 * @param grantId the grant concerned, or null
 * @param source who asked: a client address, {@code shell:<user>}, or {@code gatepass}
 * @param detail a sentence for people, or empty
 */
public record AuditEntry(Instant time, String event, String appId, String username, String grantId,
                         String source, String detail) {
}
