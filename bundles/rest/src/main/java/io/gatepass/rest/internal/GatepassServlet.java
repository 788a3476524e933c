package io.gatepass.rest.internal;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.gatepass.api.StoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edges every Gatepass endpoint shares: no caching of any answer, no secrets in the URL, the
 * throttle, the size limit, and errors as JSON with the exact status. Nothing thrown inside ever
 * reaches the container: an unexpected failure is logged and answered 500 without details.
 */
abstract class GatepassServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(GatepassServlet.class);

    protected final transient Endpoints endpoints;
    private final String name;
    private final boolean oauthErrors;

    /**
     * @param name what this endpoint is, for the log, e.g. {@code token endpoint}
     * @param oauthErrors whether error descriptions keep to the characters RFC 6749 allows
     */
    GatepassServlet(Endpoints endpoints, String name, boolean oauthErrors) {
        this.endpoints = endpoints;
        this.name = name;
        this.oauthErrors = oauthErrors;
    }

    /** Answers the request, or throws {@link HttpProblem} for an error answer. */
    protected abstract void handle(Exchange exchange) throws IOException;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noStore(response);
        if (!endpoints.gate().enter()) {
            writeProblem(response, HttpProblem.unavailable(), oauthErrors);
            return;
        }
        try {
            QueryString query = QueryString.parse(request.getQueryString());
            endpoints.throttle().checkAllowed(request.getRemoteAddr());
            handle(new Exchange(request, response, query, endpoints.maxRequestBytes()));
        } catch (HttpProblem problem) {
            writeProblem(response, problem, oauthErrors);
        } catch (StoreException e) {
            LOG.error("The {} could not store a change: {}", name, e.getMessage(), e);
            writeProblem(response, HttpProblem.storeFailed(), oauthErrors);
        } catch (IOException e) {
            // Mostly a client that went away while sending its body; nothing of ours failed.
            LOG.debug("The {} could not read a request from {}: {}", name, request.getRemoteAddr(),
                e.getClass().getSimpleName());
            writeProblem(response, HttpProblem.invalidRequest("The request body could not be read."),
                oauthErrors);
        } catch (RuntimeException e) {
            LOG.error("The {} failed on a {} request", name, request.getMethod(), e);
            writeProblem(response, HttpProblem.serverError(), oauthErrors);
        } finally {
            endpoints.gate().leave();
        }
    }

    /** RFC 6749 section 5.1: answers that may carry tokens must not be stored by any cache. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }

    /** Writes the error answer, unless the response has already gone out. */
    static void writeProblem(HttpServletResponse response, HttpProblem problem, boolean oauthErrors) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            noStore(response);
            for (HttpProblem.Header header : problem.headers()) {
                response.addHeader(header.name(), header.value());
            }
            Json.write(response, problem.status(), Json.error(problem, oauthErrors));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send a {} answer: {}", problem.status(), e.getClass().getSimpleName());
        }
    }
}
