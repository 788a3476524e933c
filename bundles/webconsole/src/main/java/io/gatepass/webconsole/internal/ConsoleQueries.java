package io.gatepass.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenService;

/** The data paths of the page: apps, grants and audit entries, as JSON. */
final class ConsoleQueries {

    static final int DEFAULT_AUDIT_LIMIT = 200;
    static final int MAX_AUDIT_LIMIT = 1000;

    private final ClientAppRegistry registry;
    private final TokenService tokens;
    private final ConsoleJson json;

    ConsoleQueries(ClientAppRegistry registry, TokenService tokens, ConsoleJson json) {
        this.registry = registry;
        this.tokens = tokens;
        this.json = json;
    }

    /** @return {@code apps.json}: every app with its number of live grants, ordered by id */
    Reply apps() {
        Map<String, Long> liveGrants = tokens.grants(GrantQuery.live()).stream()
            .collect(Collectors.groupingBy(Grant::appId, Collectors.counting()));

        return Reply.ok(ConsoleJson.fields("apps", registry.list().stream()
            .map(app -> json.app(app, liveGrants.getOrDefault(app.id(), 0L)))
            .toList()));
    }

    /**
     * @param appId only grants of this app, or null or blank for all
     * @param username only grants acting as this user, or null or blank for all
     * @param includeEnded whether expired and revoked grants are listed too
     * @return {@code grants.json}: the grants, newest first
     */
    Reply grants(String appId, String username, boolean includeEnded) {
        GrantQuery query = GrantQuery.live().app(blankToNull(appId)).user(blankToNull(username));

        List<Grant> grants = tokens.grants(includeEnded ? query.includingEnded() : query);

        return Reply.ok(ConsoleJson.fields("grants", grants.stream().map(json::grant).toList()));
    }

    /**
     * @param limit at most this many entries, 1 to {@value #MAX_AUDIT_LIMIT}; null or blank for
     *     {@value #DEFAULT_AUDIT_LIMIT}
     * @return {@code audit.json}: the newest audit entries
     * @throws InvalidInputException naming {@code limit} if it is not such a number
     */
    Reply audit(String appId, String username, String limit) {
        int count = parseLimit(limit);

        return Reply.ok(ConsoleJson.fields("entries",
            tokens.audit(blankToNull(appId), blankToNull(username), count).stream()
                .map(json::audit).toList()));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_AUDIT_LIMIT;
        }
        int count;
        try {
            count = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_AUDIT_LIMIT) {
            throw InvalidInputException.of("limit", limit,
                "use a whole number from 1 to " + MAX_AUDIT_LIMIT);
        }
        return count;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
