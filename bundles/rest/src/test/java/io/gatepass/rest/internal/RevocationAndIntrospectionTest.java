package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.gatepass.api.ClientAppType;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenValidation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevocationAndIntrospectionTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-03T11:00:00Z");
    private static final String SDX = ClientAuthenticationTest.basic("sdx:right");

    private final TestEndpoints fixture = new TestEndpoints();

    static Grant grant(String appId) {
        return new Grant("g-1", appId, "bob", Set.of("viewer", "manager"), TestEndpoints.NOW, null, EXPIRY,
            Instant.parse("2027-01-02T10:00:00Z"), GrantStatus.ACTIVE, null);
    }

    @BeforeEach
    void apps() {
        when(fixture.registry.find("sdx"))
            .thenReturn(Optional.of(ClientAuthenticationTest.app("sdx", ClientAppType.CONFIDENTIAL)));
        when(fixture.registry.find("script"))
            .thenReturn(Optional.of(ClientAuthenticationTest.app("script", ClientAppType.PUBLIC)));
        when(fixture.registry.authenticate(eq("sdx"), any())).thenAnswer(call ->
            new String((char[]) call.getArgument(1)).equals("right"));
    }

    private FakeResponse call(GatepassServlet servlet, FakeRequest request) throws Exception {
        FakeResponse response = FakeResponse.create();
        servlet.service(request, response);
        return response;
    }

    private FakeResponse revoke(String form, String authorization) throws Exception {
        FakeRequest request = FakeRequest.form("/oauth/revoke", form);
        return call(new RevocationEndpoint(fixture.endpoints),
            authorization == null ? request : request.header("Authorization", authorization));
    }

    private FakeResponse introspect(String form, String authorization) throws Exception {
        FakeRequest request = FakeRequest.form("/oauth/introspect", form);
        return call(new IntrospectionEndpoint(fixture.endpoints),
            authorization == null ? request : request.header("Authorization", authorization));
    }

    @Test
    void anAppRevokesItsOwnTokenAndGets200WithNoBody() throws Exception {
        when(fixture.tokens.inspect("gprt_mine"))
            .thenReturn(new TokenInspection(TokenKind.REFRESH, null, grant("sdx")));
        when(fixture.tokens.revokeToken("gprt_mine", "10.0.0.7")).thenReturn(true);

        FakeResponse response = revoke("token=gprt_mine&token_type_hint=refresh_token", SDX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers("Cache-Control")).containsExactly("no-store");
        verify(fixture.tokens).revokeToken("gprt_mine", "10.0.0.7");
    }

    @Test
    void anUnknownTokenAnswers200AndRevokesNothing() throws Exception {
        when(fixture.tokens.inspect("gprt_nobody"))
            .thenReturn(new TokenInspection(TokenKind.REFRESH, InvalidTokenReason.UNKNOWN, null));

        FakeResponse response = revoke("token=gprt_nobody", SDX);

        assertThat(response.status()).isEqualTo(200);
        verify(fixture.tokens, never()).revokeToken(any(), any());
    }

    @Test
    void aTokenOfAnotherAppIsRefusedAsUnauthorizedClientAndStaysValid() throws Exception {
        when(fixture.tokens.inspect("gpat_theirs"))
            .thenReturn(new TokenInspection(TokenKind.ACCESS, null, grant("other")));

        FakeResponse response = revoke("token=gpat_theirs", SDX);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized_client\",\"error_description\":"
            + "\"The token was issued to another client app; an app can revoke only its own tokens.\"}");
        verify(fixture.tokens, never()).revokeToken(any(), any());
    }

    @Test
    void aPublicAppRevokesWithItsClientIdAlone() throws Exception {
        when(fixture.tokens.inspect("gprt_script"))
            .thenReturn(new TokenInspection(TokenKind.REFRESH, null, grant("script")));

        FakeResponse response = revoke("token=gprt_script&client_id=script", null);

        assertThat(response.status()).isEqualTo(200);
        verify(fixture.tokens).revokeToken("gprt_script", "10.0.0.7");
    }

    @Test
    void revocationWithAWrongSecretIs401() throws Exception {
        FakeResponse response = revoke("token=gprt_mine", ClientAuthenticationTest.basic("sdx:wrong"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Basic realm=\"gatepass\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Client authentication failed for client app 'sdx'.\"}");
    }

    @Test
    void revocationWithoutATokenIsInvalidRequest() throws Exception {
        assertThat(revoke("token_type_hint=access_token", SDX).body()).isEqualTo("{\"error\":\"invalid_request\","
            + "\"error_description\":\"The parameter token is missing.\"}");
    }

    @Test
    void anActiveAccessTokenIsIntrospectedWithItsUserRolesAndExpiry() throws Exception {
        when(fixture.tokens.validate("gpat_mine")).thenReturn(TokenValidation.valid(
            new TokenPrincipal("g-1", "sdx", "bob", Set.of("viewer", "manager"), EXPIRY)));

        FakeResponse response = introspect("token=gpat_mine", SDX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"active\":true,\"client_id\":\"sdx\",\"username\":\"bob\","
            + "\"sub\":\"bob\",\"scope\":\"manager viewer\",\"token_type\":\"Bearer\","
            + "\"exp\":" + EXPIRY.getEpochSecond() + ",\"grant_id\":\"g-1\"}");
    }

    @Test
    void anActiveRefreshTokenIsIntrospectedWithTheGrantsExpiry() throws Exception {
        when(fixture.tokens.inspect("gprt_mine"))
            .thenReturn(new TokenInspection(TokenKind.REFRESH, null, grant("sdx")));

        FakeResponse response = introspect("token=gprt_mine", SDX);

        assertThat(response.body()).isEqualTo("{\"active\":true,\"client_id\":\"sdx\",\"username\":\"bob\","
            + "\"sub\":\"bob\",\"scope\":\"manager viewer\",\"exp\":1798884000,\"grant_id\":\"g-1\"}");
    }

    @Test
    void anotherAppsTokenAndDeadTokensAreJustInactive() throws Exception {
        when(fixture.tokens.validate("gpat_theirs")).thenReturn(TokenValidation.valid(
            new TokenPrincipal("g-2", "other", "eve", Set.of("admin"), EXPIRY)));
        when(fixture.tokens.validate("gpat_expired")).thenReturn(TokenValidation.invalid(InvalidTokenReason.EXPIRED));

        assertThat(introspect("token=gpat_theirs", SDX).body()).isEqualTo("{\"active\":false}");
        assertThat(introspect("token=gpat_expired", SDX).body()).isEqualTo("{\"active\":false}");
        assertThat(introspect("token=not-a-token", SDX).body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void aPublicAppMayNotIntrospect() throws Exception {
        FakeResponse response = introspect("token=gpat_mine&client_id=script", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Only a confidential client app, with its secret, may introspect tokens; 'script' is public.\"}");
    }
}
