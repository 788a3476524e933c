package io.gatepass.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of a request's query string. Refuses any request that carries a token, secret
 * or password in its URL: URLs end up in access logs, proxies and browser histories (RFC 6750
 * section 2.3, RFC 6749 section 3.2).
 */
final class QueryString {

    static final Set<String> SECRET_PARAMETERS =
        Set.of("access_token", "refresh_token", "token", "client_secret", "password");

    private static final QueryString EMPTY = new QueryString(null);

    private final FormBody parameters;

    private QueryString(FormBody parameters) {
        this.parameters = parameters;
    }

    /**
     * @param raw the query string as sent, still encoded; may be null
     * @throws HttpProblem invalid_request for a secret parameter, broken encoding or a repeated
     *     parameter
     */
    static QueryString parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        FormBody parameters = FormBody.parse(bytes, bytes.length, "query string");
        for (String name : parameters.names()) {
            if (SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                parameters.close();
                throw HttpProblem.invalidRequest("Tokens must not be sent in the URL (the query string"
                    + " has " + FormBody.printable(name) + "): send them in the request body or the"
                    + " Authorization header.");
            }
        }
        return new QueryString(parameters);
    }

    /** @return the value of the parameter, if sent with one */
    Optional<String> get(String name) {
        return parameters == null ? Optional.empty() : parameters.text(name);
    }

    /** @return the names of every parameter sent */
    Set<String> names() {
        return parameters == null ? Set.of() : parameters.names();
    }
}
