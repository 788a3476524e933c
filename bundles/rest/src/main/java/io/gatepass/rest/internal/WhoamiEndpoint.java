package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.gatepass.api.TokenPrincipal;

/**
 * {@code GET <base>/api/whoami}: what a bearer token acts as, so that a connector's author can
 * check a token without a data endpoint.
 */
final class WhoamiEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    WhoamiEndpoint(Endpoints endpoints) {
        super(endpoints, "whoami endpoint", true);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        exchange.requireMethod("GET");
        TokenPrincipal principal = BearerAuthentication.authenticate(exchange.authorization(),
            exchange.source(), endpoints);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", principal.appId());
        body.put("username", principal.username());
        body.put("roles", new TreeSet<>(principal.roles()));
        body.put("grant_id", principal.grantId());
        body.put("expires_at", principal.expiresAt().toString());
        body.put("expires_in",
            TokenEndpoint.secondsFrom(endpoints.clock().instant(), principal.expiresAt()));
        exchange.reply(200, body);
    }
}
