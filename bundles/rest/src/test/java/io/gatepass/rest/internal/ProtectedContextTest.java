package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenValidation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.http.context.ServletContextHelper;

class ProtectedContextTest {

    private static final TokenPrincipal VIEWER = new TokenPrincipal("g-1", "sdx", "bob", Set.of("viewer"),
        Instant.parse("2026-12-03T11:00:00Z"));
    private static final TokenPrincipal MANAGER = new TokenPrincipal("g-2", "sdx", "ann", Set.of("manager"),
        Instant.parse("2026-12-03T11:00:00Z"));

    private final TestEndpoints fixture = new TestEndpoints();
    private final RoleRequirements roles = new RoleRequirements(Map.of(
        "osgi.http.whiteboard.context.name", "gatepass", "osgi.http.whiteboard.context.path", "/"));
    private final ProtectedContext context = new ProtectedContext(mock(Bundle.class), fixture.endpoints, roles);

    @BeforeEach
    void servletsAndTokens() {
        roles.put("items", Map.of(
            "osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=gatepass)",
            "osgi.http.whiteboard.servlet.pattern", "/data/items", "gatepass.roles", "viewer", "service.id", 7L));
        when(fixture.tokens.validate("gpat_viewer")).thenReturn(TokenValidation.valid(VIEWER));
        when(fixture.tokens.validate("gpat_manager")).thenReturn(TokenValidation.valid(MANAGER));
        when(fixture.tokens.validate("gpat_revoked")).thenReturn(TokenValidation.invalid(InvalidTokenReason.REVOKED));
    }

    private FakeRequest get(String authorization) {
        FakeRequest request = FakeRequest.of("GET", "/data/items");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    @Test
    void aValidTokenWithTheRoleLetsTheRequestInWithItsUser() throws Exception {
        FakeRequest request = get("Bearer gpat_viewer");
        FakeResponse response = FakeResponse.create();

        boolean allowed = context.handleSecurity(request, response);

        assertThat(allowed).isTrue();
        assertThat(request.getAttribute(ServletContextHelper.REMOTE_USER)).isEqualTo("bob");
        assertThat(request.getAttribute(ServletContextHelper.AUTHENTICATION_TYPE)).isEqualTo("Bearer");
        assertThat(request.getAttribute("io.gatepass.api.TokenPrincipal")).isEqualTo(VIEWER);
        assertThat(response.committed()).isFalse();
    }

    @Test
    void noTokenIs401WithABareChallengeAndTheResponseIsCommitted() throws Exception {
        FakeResponse response = FakeResponse.create();

        boolean allowed = context.handleSecurity(get(null), response);

        assertThat(allowed).isFalse();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"This needs an"
            + " access token: send it in the header Authorization: Bearer <access token>.\"}");
        assertThat(response.committed()).as("Pax Web would answer 403 to an uncommitted refusal").isTrue();
    }

    @Test
    void aRevokedTokenIs401InvalidTokenSayingWhy() throws Exception {
        FakeResponse response = FakeResponse.create();

        context.handleSecurity(get("Bearer gpat_revoked"), response);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\","
            + " error=\"invalid_token\", error_description=\"The access token is not accepted: the token has"
            + " been revoked.\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":"
            + "\"The access token is not accepted: the token has been revoked.\"}");
    }

    @Test
    void aTokenWithoutTheRoleIs403InsufficientScope() throws Exception {
        FakeResponse response = FakeResponse.create();

        boolean allowed = context.handleSecurity(get("Bearer gpat_manager"), response);

        assertThat(allowed).isFalse();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\","
            + " error=\"insufficient_scope\", error_description=\"The access token does not act with the role"
            + " viewer, which this resource needs.\", scope=\"viewer\"");
    }

    @Test
    void aHeaderThatIsNotABearerTokenIs400InvalidRequest() throws Exception {
        FakeResponse response = FakeResponse.create();

        context.handleSecurity(get("Bearer two words"), response);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The Authorization header holds something that is not a bearer token.\"}");
    }

    @Test
    void anAccessTokenInTheQueryStringIsRefused() throws Exception {
        FakeResponse response = FakeResponse.create();

        context.handleSecurity(get(null).query("access_token=gpat_viewer"), response);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Tokens must not be sent in the URL");
    }

    @Test
    void tokenGuessingIsThrottledPerAddress() throws Exception {
        for (int i = 0; i < TestEndpoints.ALLOWED_FAILURES; i++) {
            context.handleSecurity(get("Bearer gpat_revoked"), FakeResponse.create());
        }
        FakeResponse response = FakeResponse.create();

        context.handleSecurity(get("Bearer gpat_viewer"), response);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers("Retry-After")).containsExactly("60");
    }

    @Test
    void theFilterMakesIsUserInRoleAnswerFromTheToken() throws Exception {
        FakeRequest request = get("Bearer gpat_viewer");
        context.handleSecurity(request, FakeResponse.create());
        javax.servlet.http.HttpServletRequest[] seen = new javax.servlet.http.HttpServletRequest[1];

        new PrincipalFilter().doFilter(request, FakeResponse.create(),
            (filtered, response) -> seen[0] = (javax.servlet.http.HttpServletRequest) filtered);

        assertThat(seen[0].isUserInRole("viewer")).isTrue();
        assertThat(seen[0].isUserInRole("admin")).isFalse();
        assertThat(seen[0].getRemoteUser()).isEqualTo("bob");
        assertThat(seen[0].getUserPrincipal().getName()).isEqualTo("bob");
        assertThat(seen[0].getAuthType()).isEqualTo("Bearer");
    }
}
