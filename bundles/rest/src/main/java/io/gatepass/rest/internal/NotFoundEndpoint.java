package io.gatepass.rest.internal;

/**
 * The default servlet of the base path: anything that is not an endpoint answers 404 in the same
 * JSON as every other error, rather than with the container's HTML page.
 */
final class NotFoundEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    NotFoundEndpoint(Endpoints endpoints) {
        super(endpoints, "base path", true);
    }

    @Override
    protected void handle(Exchange exchange) {
        throw new HttpProblem(404, "not_found", "Nothing is served at this path; Gatepass serves"
            + " /oauth/token, /oauth/revoke, /oauth/introspect, /api/whoami and /api/admin/ here.");
    }
}
