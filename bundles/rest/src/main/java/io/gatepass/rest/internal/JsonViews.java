package io.gatepass.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.ClientApp;
import io.gatepass.api.DurationText;
import io.gatepass.api.Grant;
import io.gatepass.api.TokenPair;

/**
 * How apps, grants, audit entries and new token pairs look in the admin API's JSON: snake_case
 * names, times as ISO-8601 UTC text, lifetimes as the shell writes them ({@code 1h}, {@code 30d}).
 */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> app(ClientApp app) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", app.id());
        json.put("name", app.name());
        json.put("description", app.description());
        json.put("type", app.type().label());
        json.put("enabled", app.enabled());
        json.put("access_ttl", lifetime(app.accessTokenLifetime()));
        json.put("refresh_ttl", lifetime(app.refreshTokenLifetime()));
        json.put("created", time(app.created()));
        json.put("updated", time(app.updated()));
        json.put("last_used", time(app.lastUsed()));
        return json;
    }

    static Map<String, Object> grant(Grant grant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("grant_id", grant.grantId());
        json.put("app_id", grant.appId());
        json.put("username", grant.username());
        json.put("roles", new TreeSet<>(grant.roles()));
        json.put("status", grant.status().name().toLowerCase(Locale.ROOT));
        json.put("created", time(grant.created()));
        json.put("last_used", time(grant.lastUsed()));
        json.put("access_token_expires_at", time(grant.accessTokenExpiresAt()));
        json.put("refresh_token_expires_at", time(grant.refreshTokenExpiresAt()));
        json.put("revocation", grant.revocation());
        return json;
    }

    static Map<String, Object> audit(AuditEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", time(entry.time()));
        json.put("event", entry.event());
        json.put("app_id", entry.appId());
        json.put("username", entry.username());
        json.put("grant_id", entry.grantId());
        json.put("source", entry.source());
        json.put("detail", entry.detail());
        return json;
    }

    /** @return a new pair as the token endpoint shows it, plus what it acts as and until when */
    static Map<String, Object> tokenPair(TokenPair pair, Instant now) {
        Map<String, Object> json = TokenEndpoint.tokenResponse(pair, now);
        json.put("grant_id", pair.grantId());
        json.put("app_id", pair.appId());
        json.put("username", pair.username());
        json.put("roles", new TreeSet<>(pair.roles()));
        json.put("access_token_expires_at", time(pair.accessTokenExpiresAt()));
        json.put("refresh_token_expires_at", time(pair.refreshTokenExpiresAt()));
        return json;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String lifetime(Duration duration) {
        return duration == null ? null : DurationText.format(duration);
    }
}
