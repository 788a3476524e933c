package io.gatepass.rest.internal;

import java.util.regex.Pattern;

import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenValidation;

/**
 * Checks {@code Authorization: Bearer} as RFC 6750 section 3 wants: no token at all answers 401
 * with a bare challenge; a header that is not a bearer token's syntax answers 400
 * {@code invalid_request}; a token that does not work answers 401 {@code invalid_token} and
 * counts as a failure of the client's address.
 */
final class BearerAuthentication {

    static final String CHALLENGE = "Bearer realm=\"gatepass\"";

    /** RFC 6750 section 2.1, b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private BearerAuthentication() {
    }

    /**
     * @param authorization the Authorization header, or null
     * @param source the client's address, whose failures are counted
     * @return who the valid access token acts as
     * @throws HttpProblem 401 or 400 as above; 503 while the token service is away
     */
    static TokenPrincipal authenticate(String authorization, String source, Endpoints endpoints) {
        String token = bearerToken(authorization);
        TokenValidation validation = endpoints.tokens().call(tokens -> tokens.validate(token));
        if (validation.isValid()) {
            return validation.principal().orElseThrow();
        }
        endpoints.throttle().recordFailure(source);
        InvalidTokenReason reason = validation.reason().orElseThrow();
        throw challenge(401, "invalid_token",
            "The access token is not accepted: " + reason.description() + ".");
    }

    /** @return the token of a Bearer header; throws the answer for no token or a malformed one */
    static String bearerToken(String authorization) {
        int space = authorization == null ? -1 : authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (scheme == null || !scheme.equalsIgnoreCase("Bearer")) {
            throw new HttpProblem(401, "invalid_token", "This needs an access token: send it in the"
                + " header Authorization: Bearer <access token>.").with("WWW-Authenticate", CHALLENGE);
        }
        String token = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (!B64TOKEN.matcher(token).matches()) {
            throw challenge(400, "invalid_request", token.isEmpty()
                ? "The Authorization header says Bearer but holds no token."
                : "The Authorization header holds something that is not a bearer token.");
        }
        return token;
    }

    /** @return the answer with the RFC 6750 challenge that names the error */
    static HttpProblem challenge(int status, String error, String description) {
        return challenge(status, error, description, null);
    }

    /** @param scope the roles needed, space-separated, for {@code insufficient_scope}; or null */
    static HttpProblem challenge(int status, String error, String description, String scope) {
        String challenge = CHALLENGE + ", error=\"" + error + "\", error_description=\""
            + Json.oauthText(description) + "\""
            + (scope == null ? "" : ", scope=\"" + Json.oauthText(scope) + "\"");
        return new HttpProblem(status, error, description).with("WWW-Authenticate", challenge);
    }
}
