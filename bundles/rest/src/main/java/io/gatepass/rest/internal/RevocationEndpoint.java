package io.gatepass.rest.internal;

import java.io.IOException;

import io.gatepass.api.ClientApp;
import io.gatepass.api.Grant;

/**
 * {@code POST <base>/oauth/revoke}: RFC 7009. The app authenticates as at the token endpoint;
 * revoking either token of a grant ends the whole grant. An unknown, malformed or already ended
 * token answers 200 (section 2.2). A token of another app is refused with
 * {@code unauthorized_client}, since section 2.1 says the request is refused when the token was
 * not issued to the client asking; {@code token_type_hint} is accepted and not needed.
 */
final class RevocationEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    RevocationEndpoint(Endpoints endpoints) {
        super(endpoints, "revocation endpoint", true);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        exchange.requireMethod("POST");
        try (FormBody form = exchange.form()) {
            String token = form.required("token");
            ClientApp app = authenticatedApp(exchange, form, endpoints, false);

            Grant grant = endpoints.tokens().call(tokens -> tokens.inspect(token)).grant();
            if (grant != null && !grant.appId().equals(app.id())) {
                throw new HttpProblem(400, "unauthorized_client",
                    "The token was issued to another client app; an app can revoke only its own tokens.");
            }
            if (grant != null) {
                // The token service logs and audits the revocation, with the client's address.
                endpoints.tokens().call(tokens -> tokens.revokeToken(token, exchange.source()));
            }
            exchange.replyEmpty(200);
        }
    }

    /**
     * @return the app the request authenticates as
     * @throws HttpProblem invalid_client, counted by the throttle when credentials were checked
     */
    static ClientApp authenticatedApp(Exchange exchange, FormBody form, Endpoints endpoints,
                                      boolean confidentialOnly) {
        ClientAuthentication client = ClientAuthentication.of(exchange.authorization(), form);
        try {
            return endpoints.registry().call(registry ->
                client.authenticate(registry, confidentialOnly));
        } catch (HttpProblem problem) {
            if (problem.status() == 401) {
                endpoints.throttle().recordFailure(exchange.source());
            }
            throw problem;
        } finally {
            client.wipe();
        }
    }
}
