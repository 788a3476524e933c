package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.gatepass.api.TokenPrincipal;

import org.osgi.framework.Bundle;
import org.osgi.service.http.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet context named {@code gatepass}: every request to a servlet that selects it needs a
 * valid Gatepass access token, and one of the roles the servlet lists in {@code gatepass.roles}.
 * A request let through carries the user in {@link #REMOTE_USER} (so {@code getRemoteUser()}
 * works), {@code Bearer} in {@link #AUTHENTICATION_TYPE}, and the {@link TokenPrincipal} in the
 * attribute named after its class. One instance per bundle that uses the context, so resources
 * come from that bundle.
 */
final class ProtectedContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectedContext.class);

    /** The request attribute that holds the {@link TokenPrincipal}: its class name. */
    static final String PRINCIPAL_ATTRIBUTE = TokenPrincipal.class.getName();

    private final Endpoints endpoints;
    private final RoleRequirements roles;

    ProtectedContext(Bundle usingBundle, Endpoints endpoints, RoleRequirements roles) {
        super(usingBundle);
        this.endpoints = endpoints;
        this.roles = roles;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
        if (!endpoints.gate().enter()) {
            return refuse(response, HttpProblem.unavailable());
        }
        try {
            QueryString.parse(request.getQueryString());
            endpoints.throttle().checkAllowed(request.getRemoteAddr());
            TokenPrincipal principal = BearerAuthentication.authenticate(
                request.getHeader("Authorization"), request.getRemoteAddr(), endpoints);
            requireRole(principal, pathOf(request));

            request.setAttribute(REMOTE_USER, principal.username());
            request.setAttribute(AUTHENTICATION_TYPE, "Bearer");
            request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
            return true;
        } catch (HttpProblem problem) {
            return refuse(response, problem);
        } catch (RuntimeException e) {
            LOG.error("Checking a bearer token failed", e);
            return refuse(response, HttpProblem.serverError());
        } finally {
            endpoints.gate().leave();
        }
    }

    private void requireRole(TokenPrincipal principal, String path) {
        Set<String> required = roles.requiredFor(path);
        if (required.isEmpty() || required.stream().anyMatch(principal::hasRole)) {
            return;
        }
        String listed = String.join(", ", new TreeSet<>(required));
        throw BearerAuthentication.challenge(403, "insufficient_scope", "The access token does not act"
            + " with" + (required.size() > 1 ? " any of the roles " : " the role ") + listed
            + ", which this resource needs.", String.join(" ", new TreeSet<>(required)));
    }

    /**
     * Writes the error and commits the response: Pax Web answers 403 itself to a refusal it finds
     * uncommitted.
     */
    private static boolean refuse(HttpServletResponse response, HttpProblem problem) throws IOException {
        GatepassServlet.writeProblem(response, problem, true);
        response.flushBuffer();
        return false;
    }

    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }
}
