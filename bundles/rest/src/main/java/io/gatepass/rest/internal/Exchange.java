package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** One request and its response, with the parsing every endpoint shares. */
final class Exchange {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final QueryString query;
    private final int maxRequestBytes;

    Exchange(HttpServletRequest request, HttpServletResponse response, QueryString query,
             int maxRequestBytes) {
        this.request = request;
        this.response = response;
        this.query = query;
        this.maxRequestBytes = maxRequestBytes;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    QueryString query() {
        return query;
    }

    /** @return the client's address, for throttling, logs and audit */
    String source() {
        return request.getRemoteAddr();
    }

    String method() {
        return request.getMethod();
    }

    /** @return the Authorization header, or null */
    String authorization() {
        return request.getHeader("Authorization");
    }

    /** @return the path below the servlet's pattern, {@code ""} when there is none */
    String pathInfo() {
        String info = request.getPathInfo();
        return info == null ? "" : info;
    }

    /** @throws HttpProblem 405 unless the request uses one of these methods */
    void requireMethod(String... allowed) {
        if (!Arrays.asList(allowed).contains(method())) {
            throw HttpProblem.methodNotAllowed(method(), String.join(", ", allowed));
        }
    }

    /**
     * @return the form-encoded body, which the caller closes to wipe it
     * @throws HttpProblem 400 for another content type or broken encoding, 413 when too large
     */
    FormBody form() throws IOException {
        if (!hasMediaType(FORM)) {
            throw HttpProblem.invalidRequest("The body must be " + FORM + ".");
        }
        RequestBody body = RequestBody.read(request, maxRequestBytes);
        try {
            return FormBody.parse(body.bytes(), body.length(), "request body");
        } finally {
            body.wipe();
        }
    }

    /**
     * @param required whether a body must be sent
     * @return the raw body, which the caller wipes; empty when none was sent and none is required
     * @throws HttpProblem 400 for a body that is not JSON, 413 when too large
     */
    RequestBody jsonBody(boolean required) throws IOException {
        RequestBody body = RequestBody.read(request, maxRequestBytes);
        if (body.length() == 0 && !required) {
            return body;
        }
        if (!hasMediaType("application/json")) {
            body.wipe();
            throw HttpProblem.invalidRequest("The body must be application/json.");
        }
        return body;
    }

    private boolean hasMediaType(String wanted) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals(wanted);
    }

    /** Answers with a JSON body. */
    void reply(int status, Object json) throws IOException {
        Json.write(response, status, json);
    }

    /** Answers with no body. */
    void replyEmpty(int status) {
        response.setStatus(status);
        response.setContentLength(0);
    }
}
