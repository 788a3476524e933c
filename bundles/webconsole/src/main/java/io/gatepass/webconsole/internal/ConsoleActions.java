package io.gatepass.webconsole.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.ClientSecret;
import io.gatepass.api.DurationText;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenService;

/**
 * The state-changing requests of the page, one method each, on the registry and the token
 * service. The field names of the requests are those the registry and the token service name
 * in their errors ({@code id}, {@code name}, {@code access-ttl}, {@code username},
 * {@code password}, {@code roles}...), so the page shows every error next to its field.
 */
final class ConsoleActions {

    /** One request the page can make. */
    @FunctionalInterface
    private interface Action {
        Reply perform(ActionRequest request, String source);
    }

    private final ClientAppRegistry registry;
    private final TokenService tokens;
    private final ConsoleJson json;
    private final Map<String, Action> actions;

    ConsoleActions(ClientAppRegistry registry, TokenService tokens, ConsoleJson json) {
        this.registry = registry;
        this.tokens = tokens;
        this.json = json;
        this.actions = Map.of(
            "register", this::register,
            "update", this::update,
            "enable", (request, source) -> app(registry.enable(id(request))),
            "disable", (request, source) -> app(registry.disable(id(request))),
            "rotate-secret", this::rotateSecret,
            "delete", this::delete,
            "generate-tokens", this::generateTokens,
            "revoke-grant", this::revokeGrant,
            "revoke-app", (request, source) -> revoked(tokens.revokeApp(id(request), source)),
            "revoke-user", (request, source) -> revoked(tokens.revokeUser(
                request.required("username", "the username"), source)));
    }

    /** @return whether the page may ask for this action */
    boolean knows(String action) {
        return actions.containsKey(action);
    }

    /**
     * @param action one of the names {@link #knows} accepts
     * @param source who asks, for audit and throttling: {@code console:<user>@<address>}
     * @throws RuntimeException whatever the registry or token service refused, for
     *     {@link ConsoleErrors}
     */
    Reply perform(String action, ActionRequest request, String source) {
        return actions.get(action).perform(request, source);
    }

    private Reply register(ActionRequest request, String source) {
        NewClientApp app = NewClientApp.withId(request.text("id"))
            .name(request.textOrNull("name"))
            .description(request.textOrNull("description"))
            .type(request.has("type")
                ? ClientAppType.parse(request.text("type"))
                : ClientAppType.CONFIDENTIAL)
            .enabled(request.flag("enabled"))
            .accessTokenLifetime(duration(request, "access-ttl"))
            .refreshTokenLifetime(duration(request, "refresh-ttl"));

        ClientAppRegistration registration = registry.register(app);

        return Reply.ok(ConsoleJson.fields(
            "app", json.app(registration.app(), 0),
            "secret", registration.clientSecret().map(ConsoleActions::revealOnce).orElse(null)));
    }

    private Reply update(ActionRequest request, String source) {
        ClientAppUpdate update = ClientAppUpdate.none();
        if (request.has("name")) {
            update = update.name(request.text("name"));
        }
        if (request.has("description")) {
            update = update.description(request.text("description"));
        }
        if (request.has("access-ttl")) {
            update = update.accessTokenLifetime(duration(request, "access-ttl"));
        }
        if (request.has("refresh-ttl")) {
            update = update.refreshTokenLifetime(duration(request, "refresh-ttl"));
        }

        return app(registry.update(id(request), update));
    }

    private Reply rotateSecret(ActionRequest request, String source) {
        Duration keepOld = request.textOrNull("keep-old") == null
            ? Duration.ZERO
            : DurationText.parse("keep-old", request.text("keep-old"));

        SecretRotation rotation = registry.rotateSecret(id(request), keepOld);

        return Reply.ok(ConsoleJson.fields(
            "app", json.app(rotation.app(), liveGrants(rotation.app().id())),
            "secret", revealOnce(rotation.secret()),
            "previousSecretValidUntil", ConsoleJson.time(rotation.previousSecretValidUntil())));
    }

    /** Revokes first: if the deletion then fails, the app stays, but none of its tokens works. */
    private Reply delete(ActionRequest request, String source) {
        String id = registry.get(id(request)).id();

        int revoked = tokens.revokeApp(id, source);
        registry.delete(id);

        return Reply.ok(ConsoleJson.fields("deleted", id, "revokedGrants", revoked));
    }

    private Reply generateTokens(ActionRequest request, String source) {
        String appId = request.required("appId", "the client app");
        String username = request.required("username",
            "the username of the user the app will act as");
        if (request.password().length == 0) {
            throw new InvalidInputException(ActionRequest.PASSWORD,
                "Enter the password of user '" + username + "'.");
        }
        Set<String> roles = new LinkedHashSet<>();
        request.list("roles").stream().map(String::trim).filter(role -> !role.isEmpty())
            .forEach(roles::add);
        TokenRequest tokenRequest =
            new TokenRequest(appId, username, request.password(), roles, source);

        try {
            TokenPair pair = tokens.generate(tokenRequest);
            return Reply.ok(json.tokens(pair));
        } finally {
            tokenRequest.wipePassword();
        }
    }

    private Reply revokeGrant(ActionRequest request, String source) {
        String grantId = request.required("grantId", "the grant");

        boolean revoked = tokens.revokeGrant(grantId, source);

        return Reply.ok(ConsoleJson.fields("grantId", grantId, "revoked", revoked));
    }

    private Reply app(ClientApp app) {
        return Reply.ok(ConsoleJson.fields("app", json.app(app, liveGrants(app.id()))));
    }

    private static Reply revoked(int count) {
        return Reply.ok(ConsoleJson.fields("revokedGrants", count));
    }

    private long liveGrants(String appId) {
        return tokens.grants(GrantQuery.live().app(appId)).size();
    }

    private static String id(ActionRequest request) {
        return request.required("id", "the id of the client app");
    }

    /** An empty field means "the global default". */
    private static Duration duration(ActionRequest request, String field) {
        String text = request.textOrNull(field);
        if (text == null || text.equalsIgnoreCase("default")) {
            return null;
        }
        return DurationText.parse(field, text);
    }

    private static String revealOnce(ClientSecret secret) {
        try {
            return secret.reveal();
        } finally {
            secret.wipe();
        }
    }
}
