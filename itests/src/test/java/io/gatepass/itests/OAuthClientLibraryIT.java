package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh, revocation and introspection as a connector does them with Nimbus oauth2-oidc-sdk, a
 * widely used OAuth 2.0 client library: its requests, its parsing of our answers, no code of ours
 * in between.
 */
@ExtendWith(GatepassServer.Shared.class)
class OAuthClientLibraryIT {

    private GatepassServer server;
    private URI tokenEndpoint;
    private URI revocationEndpoint;
    private URI introspectionEndpoint;

    @BeforeEach
    void endpoints(GatepassServer server) {
        this.server = server;
        tokenEndpoint = server.uri("/gatepass/oauth/token");
        revocationEndpoint = server.uri("/gatepass/oauth/revoke");
        introspectionEndpoint = server.uri("/gatepass/oauth/introspect");
    }

    private ClientAuthentication confidentialApp(String id) throws Exception {
        return new ClientSecretBasic(new ClientID(id), new Secret(server.registerApp(id, false)));
    }

    private JsonNode viewerTokens(String appId) throws Exception {
        return server.generateTokens(appId, GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());
    }

    private TokenResponse refresh(ClientAuthentication client, String refreshToken) throws Exception {
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, client,
            new RefreshTokenGrant(new RefreshToken(refreshToken))).toHTTPRequest().send());
    }

    private TokenIntrospectionResponse introspect(ClientAuthentication client, String token) throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(introspectionEndpoint, client,
            new BearerAccessToken(token)).toHTTPRequest().send());
    }

    @Test
    void aConfidentialAppRefreshesWithClientSecretBasicAndGetsANewPair() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-refresh");
        JsonNode generated = viewerTokens("nimbus-refresh");

        TokenResponse response = refresh(client, generated.get("refresh_token").asText());

        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        Tokens tokens = response.toSuccessResponse().getTokens();
        AccessToken access = tokens.getAccessToken();
        assertThat(access.getType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(access.getValue()).startsWith("gpat_").isNotEqualTo(generated.get("access_token").asText());
        assertThat(access.getLifetime()).isBetween(3590L, 3600L);
        assertThat(tokens.getRefreshToken().getValue()).startsWith("gprt_")
            .isNotEqualTo(generated.get("refresh_token").asText());
        assertThat(response.toSuccessResponse().getCustomParameters()).containsKey("refresh_token_expires_in");
    }

    @Test
    void aPublicAppRefreshesWithItsClientIdAlone() throws Exception {
        server.registerApp("nimbus-public", true);
        JsonNode generated = viewerTokens("nimbus-public");

        TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint, new ClientID("nimbus-public"),
            new RefreshTokenGrant(new RefreshToken(generated.get("refresh_token").asText()))).toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
    }

    @Test
    void aRefreshTokenUsedTwiceIsAnInvalidGrantTheLibraryUnderstands() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-reuse");
        String refreshToken = viewerTokens("nimbus-reuse").get("refresh_token").asText();
        assertThat(refresh(client, refreshToken).indicatesSuccess()).isTrue();

        TokenResponse again = refresh(client, refreshToken);

        ErrorObject error = ((TokenErrorResponse) again).getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
        assertThat(error.getDescription()).isEqualTo("The refresh token was already used; its grant has been"
            + " revoked in case the token was stolen. Generate new tokens for the app.");
    }

    @Test
    void aWrongSecretIsInvalidClientWith401() throws Exception {
        server.registerApp("nimbus-wrong", false);
        String refreshToken = viewerTokens("nimbus-wrong").get("refresh_token").asText();
        ClientSecretBasic wrong = new ClientSecretBasic(new ClientID("nimbus-wrong"),
            new Secret("gpcs_not-the-secret"));

        TokenResponse response = refresh(wrong, refreshToken);

        ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_client");
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void introspectionDescribesAnActiveAccessToken() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-introspect");
        JsonNode generated = viewerTokens("nimbus-introspect");

        TokenIntrospectionResponse response = introspect(client, generated.get("access_token").asText());

        assertThat(response.indicatesSuccess()).isTrue();
        TokenIntrospectionSuccessResponse success = response.toSuccessResponse();
        assertThat(success.isActive()).isTrue();
        assertThat(success.getClientID()).isEqualTo(new ClientID("nimbus-introspect"));
        assertThat(success.getUsername()).isEqualTo(GatepassServer.VIEWER);
        assertThat(success.getSubject().getValue()).isEqualTo(GatepassServer.VIEWER);
        assertThat(success.getScope().toStringList()).containsExactly("viewer");
        assertThat(success.getTokenType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(success.getExpirationTime().toInstant())
            .isEqualTo(Instant.parse(generated.get("access_token_expires_at").asText()).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        assertThat(success.getStringParameter("grant_id")).isEqualTo(generated.get("grant_id").asText());
    }

    @Test
    void anotherAppsTokenIntrospectsAsInactiveAndNothingMore() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-nosy");
        server.registerApp("nimbus-owner", false);
        String theirs = viewerTokens("nimbus-owner").get("access_token").asText();

        TokenIntrospectionSuccessResponse response = introspect(client, theirs).toSuccessResponse();

        assertThat(response.isActive()).isFalse();
        assertThat(response.toJSONObject()).containsOnlyKeys("active");
    }

    @Test
    void revokingTheRefreshTokenEndsTheWholeGrant() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-revoke");
        JsonNode generated = viewerTokens("nimbus-revoke");

        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint, client,
            new RefreshToken(generated.get("refresh_token").asText())).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect(client, generated.get("access_token").asText()).toSuccessResponse().isActive())
            .as("the grant's access token").isFalse();
        assertThat(refresh(client, generated.get("refresh_token").asText()).indicatesSuccess())
            .as("the refresh token").isFalse();
    }

    @Test
    void revokingAnAccessTokenAlsoEndsItsRefreshToken() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-revoke-access");
        JsonNode generated = viewerTokens("nimbus-revoke-access");

        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint, client,
            new BearerAccessToken(generated.get("access_token").asText())).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(refresh(client, generated.get("refresh_token").asText()).indicatesSuccess()).isFalse();
    }

    @Test
    void revokingAnUnknownTokenIsFineAsRfc7009Says() throws Exception {
        ClientAuthentication client = confidentialApp("nimbus-revoke-unknown");

        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint, client,
            new RefreshToken("gprt_this-token-was-never-issued")).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
    }
}
