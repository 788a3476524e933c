package io.gatepass.rest.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.ClientSecret;
import io.gatepass.api.DurationText;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.rest.internal.AdminAuthentication.Admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <base>/api/admin/apps}: list and register; {@code apps/<id>}: get, update (PATCH, or PUT
 * with the same meaning), delete; {@code apps/<id>/enable}, {@code /disable},
 * {@code /rotate-secret} and {@code /tokens}.
 */
final class AppsResource {

    private static final Logger LOG = LoggerFactory.getLogger(AppsResource.class);

    private static final Set<String> REGISTER_FIELDS = Set.of("id", "name", "description", "type",
        "enabled", "access_ttl", "refresh_ttl", "reuse_deleted_id");
    private static final Set<String> UPDATE_FIELDS =
        Set.of("name", "description", "access_ttl", "refresh_ttl");

    private final Endpoints endpoints;

    AppsResource(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    void handle(Exchange exchange, Admin admin, List<String> path) throws IOException {
        if (path.isEmpty()) {
            exchange.requireMethod("GET", "POST");
            if (exchange.method().equals("GET")) {
                exchange.reply(200, endpoints.registry().call(registry -> registry.list()).stream()
                    .map(JsonViews::app).toList());
            } else {
                register(exchange, admin);
            }
            return;
        }
        String id = path.get(0);
        if (path.size() == 1) {
            one(exchange, admin, id);
            return;
        }
        String action = path.size() == 2 ? path.get(1) : "";
        switch (action) {
            case "enable" -> changeState(exchange, admin, id, true);
            case "disable" -> changeState(exchange, admin, id, false);
            case "rotate-secret" -> rotateSecret(exchange, admin, id);
            case "tokens" -> generateTokens(exchange, admin, id);
            default -> throw AdminEndpoint.notFound(exchange);
        }
    }

    private void one(Exchange exchange, Admin admin, String id) throws IOException {
        exchange.requireMethod("GET", "PATCH", "PUT", "DELETE");
        switch (exchange.method()) {
            case "GET" -> exchange.reply(200,
                JsonViews.app(endpoints.registry().call(registry -> registry.get(id))));
            case "DELETE" -> {
                ClientApp deleted = endpoints.registry().call(registry -> registry.delete(id));
                LOG.info("Client app '{}' deleted through the admin API by {}", id, admin.source());
                exchange.reply(200, JsonViews.app(deleted));
            }
            default -> update(exchange, admin, id);
        }
    }

    private void register(Exchange exchange, Admin admin) throws IOException {
        JsonRequest body = JsonRequest.parse(exchange.jsonBody(true), REGISTER_FIELDS);
        NewClientApp request = NewClientApp.withId(body.requiredText("id"))
            .name(body.text("name").orElse(null))
            .description(body.text("description").orElse(null))
            .type(body.text("type").map(ClientAppType::parse).orElse(ClientAppType.CONFIDENTIAL))
            .enabled(body.bool("enabled", false))
            .accessTokenLifetime(body.lifetime("access_ttl").flatMap(ttl -> ttl).orElse(null))
            .refreshTokenLifetime(body.lifetime("refresh_ttl").flatMap(ttl -> ttl).orElse(null))
            .reuseDeletedId(body.bool("reuse_deleted_id", false));

        ClientAppRegistration registration =
            endpoints.registry().call(registry -> registry.register(request));
        LOG.info("Client app '{}' registered through the admin API by {}", request.id(),
            admin.source());

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("app", JsonViews.app(registration.app()));
        registration.clientSecret().ifPresent(secret -> answer.put("client_secret", revealOnce(secret)));
        exchange.response().setHeader("Location", exchange.request().getContextPath()
            + exchange.request().getServletPath() + "/apps/" + registration.app().id());
        exchange.reply(201, answer);
    }

    private void update(Exchange exchange, Admin admin, String id) throws IOException {
        JsonRequest body = JsonRequest.parse(exchange.jsonBody(true), UPDATE_FIELDS);
        ClientAppUpdate update = ClientAppUpdate.none();
        if (body.has("name")) {
            update = update.name(body.requiredText("name"));
        }
        if (body.has("description")) {
            update = update.description(body.text("description").orElse(""));
        }
        var access = body.lifetime("access_ttl");
        if (access.isPresent()) {
            update = update.accessTokenLifetime(access.get().orElse(null));
        }
        var refresh = body.lifetime("refresh_ttl");
        if (refresh.isPresent()) {
            update = update.refreshTokenLifetime(refresh.get().orElse(null));
        }
        if (update.isEmpty()) {
            throw new HttpProblem(400, "invalid_input",
                "Nothing to change: send one or more of name, description, access_ttl and refresh_ttl.");
        }
        ClientAppUpdate changes = update;
        ClientApp updated = endpoints.registry().call(registry -> registry.update(id, changes));
        LOG.info("Client app '{}' updated through the admin API by {}", id, admin.source());
        exchange.reply(200, JsonViews.app(updated));
    }

    private void changeState(Exchange exchange, Admin admin, String id, boolean enable)
        throws IOException {
        exchange.requireMethod("POST");
        ClientApp app = endpoints.registry().call(registry ->
            enable ? registry.enable(id) : registry.disable(id));
        LOG.info("Client app '{}' {} through the admin API by {}", id,
            enable ? "enabled" : "disabled", admin.source());
        exchange.reply(200, JsonViews.app(app));
    }

    private void rotateSecret(Exchange exchange, Admin admin, String id) throws IOException {
        exchange.requireMethod("POST");
        JsonRequest body = JsonRequest.parse(exchange.jsonBody(false), Set.of("keep_old"));
        Duration keepOld = body.text("keep_old")
            .map(text -> DurationText.parse("keep_old", text))
            .orElse(Duration.ZERO);

        SecretRotation rotation =
            endpoints.registry().call(registry -> registry.rotateSecret(id, keepOld));
        LOG.info("Client secret of app '{}' rotated through the admin API by {}", id, admin.source());

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("app", JsonViews.app(rotation.app()));
        answer.put("client_secret", revealOnce(rotation.secret()));
        answer.put("previous_secret_valid_until",
            rotation.previousSecretGrace().map(Object::toString).orElse(null));
        exchange.reply(200, answer);
    }

    private void generateTokens(Exchange exchange, Admin admin, String id) throws IOException {
        exchange.requireMethod("POST");
        RequestBody raw = exchange.jsonBody(true);
        TokenRequestBody body;
        try {
            body = TokenRequestBody.parse(raw);
        } finally {
            raw.wipe();
        }
        TokenRequest request =
            new TokenRequest(id, body.username(), body.password(), body.roles(), admin.source());
        TokenPair pair;
        try {
            pair = endpoints.tokens().call(tokens -> tokens.generate(request));
        } finally {
            request.wipePassword();
        }
        exchange.reply(201, JsonViews.tokenPair(pair, endpoints.clock().instant()));
    }

    private static String revealOnce(ClientSecret secret) {
        try {
            return secret.reveal();
        } finally {
            secret.wipe();
        }
    }
}
