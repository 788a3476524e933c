package io.gatepass.rest.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.gatepass.api.ClientApp;
import io.gatepass.api.Grant;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPrincipal;

/**
 * {@code POST <base>/oauth/introspect}: RFC 7662. Only a confidential app with its secret may
 * ask (section 2.1 wants the endpoint protected against token scanning), and it learns about its
 * own tokens only: any other token, and every token that does not work now, answers
 * {@code {"active":false}} and nothing else.
 */
final class IntrospectionEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    IntrospectionEndpoint(Endpoints endpoints) {
        super(endpoints, "introspection endpoint", true);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        exchange.requireMethod("POST");
        try (FormBody form = exchange.form()) {
            String token = form.required("token");
            ClientApp app = RevocationEndpoint.authenticatedApp(exchange, form, endpoints, true);

            TokenKind kind = TokenKind.ofToken(token);
            Map<String, Object> answer = kind == TokenKind.ACCESS ? accessToken(token, app)
                : kind == TokenKind.REFRESH ? refreshToken(token, app)
                : INACTIVE;
            exchange.reply(200, answer);
        }
    }

    private Map<String, Object> accessToken(String token, ClientApp app) {
        // validate(), not inspect(): it knows the expiry of this very access token, where the
        // grant knows only that of the newest one.
        TokenPrincipal principal = endpoints.tokens().call(tokens -> tokens.validate(token)).principal()
            .filter(who -> who.appId().equals(app.id()))
            .orElse(null);
        if (principal == null) {
            return INACTIVE;
        }
        return active(principal.appId(), principal.username(), principal.roles(), "Bearer",
            principal.expiresAt(), principal.grantId());
    }

    private Map<String, Object> refreshToken(String token, ClientApp app) {
        TokenInspection inspection = endpoints.tokens().call(tokens -> tokens.inspect(token));
        Grant grant = inspection.grant();
        if (!inspection.active() || grant == null || !grant.appId().equals(app.id())) {
            return INACTIVE;
        }
        return active(grant.appId(), grant.username(), grant.roles(), null,
            grant.refreshTokenExpiresAt(), grant.grantId());
    }

    private static Map<String, Object> active(String appId, String username, Set<String> roles,
                                              String tokenType, Instant expiresAt, String grantId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("client_id", appId);
        answer.put("username", username);
        answer.put("sub", username);
        if (!roles.isEmpty()) {
            answer.put("scope", String.join(" ", new TreeSet<>(roles)));
        }
        if (tokenType != null) {
            answer.put("token_type", tokenType);
        }
        if (expiresAt != null) {
            answer.put("exp", expiresAt.getEpochSecond());
        }
        answer.put("grant_id", grantId);
        return answer;
    }
}
