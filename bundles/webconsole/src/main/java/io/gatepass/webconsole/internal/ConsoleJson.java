package io.gatepass.webconsole.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.ClientApp;
import io.gatepass.api.DurationText;
import io.gatepass.api.Grant;
import io.gatepass.api.TokenPair;

/**
 * The JSON that the console page reads: apps, grants, audit entries, and what actions answer.
 * Times are ISO-8601 instants in UTC, missing values are null. Every {@code <}, {@code >},
 * {@code &} and {@code '} is written as a {@code \}{@code u} escape, so that no response can be
 * taken for markup, even by a browser that sniffs content types.
 */
final class ConsoleJson {

    private final ObjectMapper mapper = new ObjectMapper();

    ConsoleJson() {
        mapper.getFactory().setCharacterEscapes(new MarkupEscapes());
    }

    /** @return the factory, with the same settings, for reading request bodies */
    JsonFactory factory() {
        return mapper.getFactory();
    }

    /** @return the object as UTF-8 JSON */
    byte[] write(Map<String, Object> body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a console answer as JSON", e);
        }
    }

    /** @return the app as the apps table shows it */
    Map<String, Object> app(ClientApp app, long liveGrants) {
        return fields(
            "id", app.id(),
            "name", app.name(),
            "description", app.description(),
            "type", app.type().label(),
            "enabled", app.enabled(),
            "access-ttl", duration(app.accessTokenLifetime()),
            "refresh-ttl", duration(app.refreshTokenLifetime()),
            "created", time(app.created()),
            "updated", time(app.updated()),
            "lastUsed", time(app.lastUsed()),
            "liveGrants", liveGrants);
    }

    /** @return the grant as the grants table shows it */
    Map<String, Object> grant(Grant grant) {
        return fields(
            "grantId", grant.grantId(),
            "appId", grant.appId(),
            "username", grant.username(),
            "roles", sorted(grant.roles()),
            "created", time(grant.created()),
            "lastUsed", time(grant.lastUsed()),
            "accessExpires", time(grant.accessTokenExpiresAt()),
            "refreshExpires", time(grant.refreshTokenExpiresAt()),
            "status", grant.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
            "revocation", grant.revocation());
    }

    /** @return the audit entry as the audit table shows it */
    Map<String, Object> audit(AuditEntry entry) {
        return fields(
            "time", time(entry.time()),
            "event", entry.event(),
            "appId", entry.appId(),
            "username", entry.username(),
            "grantId", entry.grantId(),
            "source", entry.source(),
            "detail", entry.detail());
    }

    /** @return the pair with both tokens in clear: only for the one answer that shows them */
    Map<String, Object> tokens(TokenPair pair) {
        return fields(
            "accessToken", pair.accessToken(),
            "refreshToken", pair.refreshToken(),
            "accessExpires", time(pair.accessTokenExpiresAt()),
            "refreshExpires", time(pair.refreshTokenExpiresAt()),
            "grantId", pair.grantId(),
            "appId", pair.appId(),
            "username", pair.username(),
            "roles", sorted(pair.roles()));
    }

    /**
     * @param keysAndValues key, value, key, value...; values may be null
     * @return an ordered JSON object
     */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String duration(Duration duration) {
        return duration == null ? null : DurationText.format(duration);
    }

    private static Object sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }

    /** JSON's own escapes, plus the characters that start or quote markup. */
    private static final class MarkupEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] escapes = standardAsciiEscapesForJSON();

        MarkupEscapes() {
            for (char c : "<>&'".toCharArray()) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
