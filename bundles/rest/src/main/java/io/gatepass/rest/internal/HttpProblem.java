package io.gatepass.rest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that ends in an error answer: the status, a stable error code, one sentence for the
 * person reading it, and the field concerned when there is one. Messages never hold a token, a
 * secret or a password.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One response header that goes with the error, e.g. {@code WWW-Authenticate}. */
    record Header(String name, String value) {
    }

    static final String BASIC_CHALLENGE = "Basic realm=\"gatepass\"";

    private final int status;
    private final String error;
    private final String field;
    private final transient List<Header> headers;

    HttpProblem(int status, String error, String description) {
        this(status, error, description, null, List.of());
    }

    private HttpProblem(int status, String error, String description, String field,
                        List<Header> headers) {
        // No stack trace: these are answers, not failures, and some come at the rate of an attack.
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
        this.headers = List.copyOf(headers);
    }

    static HttpProblem invalidRequest(String description) {
        return new HttpProblem(400, "invalid_request", description);
    }

    /** RFC 6749 section 5.2: 401 with a Basic challenge, since every client may answer one. */
    static HttpProblem invalidClient(String description) {
        return new HttpProblem(401, "invalid_client", description)
            .with("WWW-Authenticate", BASIC_CHALLENGE);
    }

    static HttpProblem invalidGrant(String description) {
        return new HttpProblem(400, "invalid_grant", description);
    }

    static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "invalid_request",
            "The request body is larger than " + limit + " bytes.");
    }

    static HttpProblem tooManyFailures(long retryAfterSeconds) {
        return new HttpProblem(429, "too_many_requests", "Too many failed attempts from this address;"
            + " try again in " + retryAfterSeconds + " seconds.")
            .with("Retry-After", String.valueOf(retryAfterSeconds));
    }

    static HttpProblem unavailable() {
        return new HttpProblem(503, "temporarily_unavailable",
            "Gatepass is starting or being updated; try again in a moment.").with("Retry-After", "1");
    }

    /**
     * The store could not make a change durable (a full disk, a failing one): nothing was
     * changed, and the same request may succeed once the disk has room again. The reason, with
     * the store's folder, goes to the server log, not to the caller.
     */
    static HttpProblem storeFailed() {
        return new HttpProblem(503, "temporarily_unavailable",
            "Gatepass could not store the change, so nothing was changed; try again later. The server log"
                + " says why.").with("Retry-After", "10");
    }

    static HttpProblem methodNotAllowed(String method, String allowed) {
        return new HttpProblem(405, "invalid_request", "The method " + method
            + " is not allowed here; use " + allowed.replace(", ", " or ") + ".").with("Allow", allowed);
    }

    static HttpProblem serverError() {
        return new HttpProblem(500, "server_error",
            "The server could not complete the request; the server log says why.");
    }

    /** @return a copy that also names the field concerned */
    HttpProblem field(String name) {
        return new HttpProblem(status, error, getMessage(), name, headers);
    }

    /** @return a copy that also sends this header */
    HttpProblem with(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new HttpProblem(status, error, getMessage(), field, more);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** @return the field concerned, or null */
    String fieldName() {
        return field;
    }

    List<Header> headers() {
        return headers;
    }
}
