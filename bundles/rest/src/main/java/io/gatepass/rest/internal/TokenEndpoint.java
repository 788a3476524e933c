package io.gatepass.rest.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.InvalidClientException;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.TokenPair;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST <base>/oauth/token}: the refresh token grant of RFC 6749 section 6, answered as in
 * sections 5.1 and 5.2. Gatepass generates token pairs only for an administrator, so no other
 * grant type is served here.
 */
final class TokenEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

    TokenEndpoint(Endpoints endpoints) {
        super(endpoints, "token endpoint", true);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        exchange.requireMethod("POST");
        try (FormBody form = exchange.form()) {
            String grantType = form.required("grant_type");
            if (!grantType.equals("refresh_token")) {
                throw new HttpProblem(400, "unsupported_grant_type", "Only grant_type=refresh_token is"
                    + " served here; an administrator generates the first token pair.");
            }
            String refreshToken = form.required("refresh_token");
            if (form.has("scope")) {
                throw new HttpProblem(400, "invalid_scope", "The scope parameter is not supported: a"
                    + " refresh keeps the roles the grant was generated with.");
            }
            ClientAuthentication client = ClientAuthentication.of(exchange.authorization(), form);
            try {
                TokenPair pair = refresh(exchange, refreshToken, client);
                exchange.reply(200, tokenResponse(pair, endpoints.clock().instant()));
            } finally {
                client.wipe();
            }
        }
    }

    private TokenPair refresh(Exchange exchange, String refreshToken, ClientAuthentication client) {
        ClientCredentials credentials =
            new ClientCredentials(client.appId(), client.secret(), exchange.source());
        try {
            return endpoints.tokens().call(tokens -> tokens.refresh(refreshToken, credentials));
        } catch (InvalidClientException e) {
            endpoints.throttle().recordFailure(exchange.source());
            LOG.debug("Refresh from {} refused: {}", exchange.source(), e.getMessage());
            throw HttpProblem.invalidClient(e.getMessage());
        } catch (InvalidGrantException e) {
            endpoints.throttle().recordFailure(exchange.source());
            LOG.debug("Refresh from {} for app '{}' refused: {}", exchange.source(), client.appId(),
                e.getMessage());
            throw HttpProblem.invalidGrant(e.getMessage());
        }
    }

    /** @return the successful answer of RFC 6749 section 5.1, for a new pair */
    static Map<String, Object> tokenResponse(TokenPair pair, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", pair.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", secondsFrom(now, pair.accessTokenExpiresAt()));
        body.put("refresh_token", pair.refreshToken());
        pair.refreshTokenExpiry().ifPresent(expiry ->
            body.put("refresh_token_expires_in", secondsFrom(now, expiry)));
        return body;
    }

    static long secondsFrom(Instant now, Instant then) {
        return Math.max(0, then.getEpochSecond() - now.getEpochSecond());
    }
}
