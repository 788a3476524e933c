package io.gatepass.rest.internal;

import java.util.Arrays;
import java.util.Base64;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;

/**
 * How a client app says who it is at the token, revocation and introspection endpoints (RFC 6749
 * section 2.3): HTTP Basic with the form-encoded id and secret, or the {@code client_id} and
 * {@code client_secret} parameters; a public app sends {@code client_id} alone.
 *
 * @param appId the app's id as sent
 * @param secret the client secret, or null when none was sent; wiped by {@link #wipe()}
 * @param basic whether the credentials came in the Authorization header
 */
record ClientAuthentication(String appId, char[] secret, boolean basic) {

    /**
     * Reads the client's credentials from the Authorization header and the form.
     *
     * @throws HttpProblem invalid_client (401) when none are sent or the header is not usable
     *     Basic; invalid_request (400) when two methods are mixed
     */
    static ClientAuthentication of(String authorization, FormBody form) {
        if (authorization == null) {
            String appId = form.text("client_id").orElseThrow(() -> HttpProblem.invalidClient(
                "Client authentication is required: send the client_id (and the client_secret of a"
                    + " confidential app) with HTTP Basic or as form parameters."));
            return new ClientAuthentication(appId, form.secret("client_secret"), false);
        }

        ClientAuthentication basic = fromBasic(authorization);
        if (form.has("client_secret")) {
            basic.wipe();
            throw HttpProblem.invalidRequest("Use one client authentication method: HTTP Basic or the"
                + " client_secret parameter, not both.");
        }
        if (form.text("client_id").filter(id -> !id.equals(basic.appId())).isPresent()) {
            basic.wipe();
            throw HttpProblem.invalidRequest(
                "The client_id parameter names another app than HTTP Basic.");
        }
        return basic;
    }

    private static ClientAuthentication fromBasic(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
            throw HttpProblem.invalidClient("Unsupported client authentication: use HTTP Basic, or the"
                + " client_id and client_secret parameters.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(space + 1).trim());
        } catch (IllegalArgumentException e) {
            throw HttpProblem.invalidClient("The HTTP Basic credentials are not valid Base64.");
        }
        try {
            int colon = indexOfColon(decoded);
            if (colon < 0) {
                throw HttpProblem.invalidClient("The HTTP Basic credentials have no ':' between the"
                    + " client id and the client secret.");
            }
            String appId = FormEncoding.decodeText(decoded, 0, colon, "HTTP Basic client id");
            if (appId.isEmpty()) {
                throw HttpProblem.invalidClient("The HTTP Basic credentials have an empty client id.");
            }
            char[] secret =
                FormEncoding.decode(decoded, colon + 1, decoded.length, "HTTP Basic client secret");
            return new ClientAuthentication(appId, secret.length == 0 ? null : secret, true);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static int indexOfColon(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the credentials against the registry, for the revocation and introspection
     * endpoints (the token service checks its own).
     *
     * @param confidentialOnly whether a public app (no secret) is refused
     * @return the authenticated app
     * @throws HttpProblem invalid_client (401) when the app is unknown or the secret is wrong
     */
    ClientApp authenticate(ClientAppRegistry registry, boolean confidentialOnly) {
        ClientApp app = registry.find(appId).orElseThrow(() ->
            HttpProblem.invalidClient("Client authentication failed: unknown client app."));
        if (app.type() == ClientAppType.PUBLIC) {
            if (confidentialOnly) {
                throw HttpProblem.invalidClient("Only a confidential client app, with its secret, may"
                    + " introspect tokens; '" + appId + "' is public.");
            }
            return app;
        }
        if (secret == null || !registry.authenticate(appId, secret)) {
            throw HttpProblem.invalidClient(
                "Client authentication failed for client app '" + appId + "'.");
        }
        return app;
    }

    /** Overwrites the secret. */
    void wipe() {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public String toString() {
        return "ClientAuthentication[app=" + appId + ", secret " + (secret == null ? "none" : "hidden")
            + ", basic=" + basic + "]";
    }
}
