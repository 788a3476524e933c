package io.gatepass.rest.internal;

import java.io.IOException;
import java.security.Principal;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

import io.gatepass.api.TokenPrincipal;

/**
 * Runs in the {@code gatepass} context after {@link ProtectedContext} has let a request in, and
 * hands the servlet a request whose {@code isUserInRole}, {@code getUserPrincipal},
 * {@code getRemoteUser} and {@code getAuthType} answer from the token. A context helper can set
 * attributes but cannot wrap the request; Pax Web maps only the remote user and the
 * authentication type from them.
 */
final class PrincipalFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Object principal = request.getAttribute(ProtectedContext.PRINCIPAL_ATTRIBUTE);
        if (principal instanceof TokenPrincipal token && request instanceof HttpServletRequest http) {
            chain.doFilter(new TokenRequest(http, token), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A request that acts as the user and roles of its access token. */
    static final class TokenRequest extends HttpServletRequestWrapper {

        private final TokenPrincipal token;
        private final Principal user;

        TokenRequest(HttpServletRequest request, TokenPrincipal token) {
            super(request);
            this.token = token;
            String name = token.username();
            this.user = () -> name;
        }

        @Override
        public boolean isUserInRole(String role) {
            return token.hasRole(role);
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return token.username();
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
