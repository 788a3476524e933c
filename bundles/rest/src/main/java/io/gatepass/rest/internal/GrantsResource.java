package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatepass.api.DurationText;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidInputException;
import io.gatepass.rest.internal.AdminAuthentication.Admin;

/**
 * {@code <base>/api/admin/grants}: list with filters {@code app}, {@code user}, {@code expiring}
 * and {@code all}; {@code grants/<id>}: get, revoke (DELETE); {@code grants/revoke}: revoke all
 * of an app or of a user. And {@code <base>/api/admin/audit} with {@code app}, {@code user},
 * {@code limit}.
 */
final class GrantsResource {

    private static final int DEFAULT_AUDIT_LIMIT = 100;
    private static final int MAX_AUDIT_LIMIT = 10_000;

    private final Endpoints endpoints;

    GrantsResource(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    void handle(Exchange exchange, Admin admin, List<String> path) throws IOException {
        if (path.isEmpty()) {
            exchange.requireMethod("GET");
            list(exchange);
        } else if (path.size() == 1 && path.get(0).equals("revoke")) {
            exchange.requireMethod("POST");
            revokeMany(exchange, admin);
        } else if (path.size() == 1) {
            exchange.requireMethod("GET", "DELETE");
            one(exchange, admin, path.get(0));
        } else {
            throw AdminEndpoint.notFound(exchange);
        }
    }

    void audit(Exchange exchange, List<String> path) throws IOException {
        if (!path.isEmpty()) {
            throw AdminEndpoint.notFound(exchange);
        }
        exchange.requireMethod("GET");
        QueryString query = exchange.query();
        allowOnly(query, Set.of("app", "user", "limit"));
        int limit = query.get("limit").map(GrantsResource::limit).orElse(DEFAULT_AUDIT_LIMIT);

        exchange.reply(200, endpoints.tokens().call(tokens ->
            tokens.audit(query.get("app").orElse(null), query.get("user").orElse(null), limit))
            .stream().map(JsonViews::audit).toList());
    }

    private void list(Exchange exchange) throws IOException {
        QueryString query = exchange.query();
        allowOnly(query, Set.of("app", "user", "expiring", "all"));
        GrantQuery grants = new GrantQuery(query.get("app").orElse(null), query.get("user").orElse(null),
            query.get("expiring").map(text -> DurationText.parse("expiring", text)).orElse(null),
            query.get("all").map(text -> bool("all", text)).orElse(false));

        exchange.reply(200, endpoints.tokens().call(tokens -> tokens.grants(grants)).stream()
            .map(JsonViews::grant).toList());
    }

    private void one(Exchange exchange, Admin admin, String grantId) throws IOException {
        Grant grant = endpoints.tokens().call(tokens -> tokens.grant(grantId)).orElseThrow(() ->
            new HttpProblem(404, "unknown_grant",
                "No grant with id " + InvalidInputException.quote(grantId) + "."));
        if (exchange.method().equals("GET")) {
            exchange.reply(200, JsonViews.grant(grant));
            return;
        }
        boolean revoked = endpoints.tokens().call(tokens -> tokens.revokeGrant(grantId, admin.source()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("revoked", revoked);
        answer.put("grant", endpoints.tokens().call(tokens -> tokens.grant(grantId))
            .map(JsonViews::grant)
            .orElse(null));
        exchange.reply(200, answer);
    }

    private void revokeMany(Exchange exchange, Admin admin) throws IOException {
        JsonRequest body = JsonRequest.parse(exchange.jsonBody(true), Set.of("app", "user"));
        String app = body.text("app").orElse(null);
        String user = body.text("user").orElse(null);
        if ((app == null) == (user == null)) {
            throw new HttpProblem(400, "invalid_input",
                "Say whose grants to revoke with exactly one of app and user.");
        }
        int revoked = endpoints.tokens().call(tokens -> app != null
            ? tokens.revokeApp(app, admin.source())
            : tokens.revokeUser(user, admin.source()));
        exchange.reply(200, Map.of("revoked", revoked));
    }

    private static void allowOnly(QueryString query, Set<String> allowed) {
        for (String name : query.names()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "Unknown query parameter "
                    + InvalidInputException.quote(name) + "; use "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_AUDIT_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other number out of range
        }
        throw InvalidInputException.of("limit", text, "use a whole number from 1 to " + MAX_AUDIT_LIMIT);
    }

    private static boolean bool(String field, String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw InvalidInputException.of(field, text, "use true or false");
    }
}
