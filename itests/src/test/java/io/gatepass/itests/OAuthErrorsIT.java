package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.gatepass.spi.PrefixedSecret;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error of RFC 6749 section 5.2, RFC 7009 and RFC 7662 that Gatepass answers, with its
 * exact status, headers and body.
 */
@ExtendWith(GatepassServer.Shared.class)
class OAuthErrorsIT {

    private static final String TOKEN = "/gatepass/oauth/token";
    private static final String REVOKE = "/gatepass/oauth/revoke";
    private static final String INTROSPECT = "/gatepass/oauth/introspect";

    private GatepassServer server;

    @BeforeEach
    void server(GatepassServer server) {
        this.server = server;
    }

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().allValues("Pragma")).containsExactly("no-cache");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWithIgnoringCase("application/json"));
    }

    private String app(String id) throws Exception {
        return GatepassServer.basic(id, server.registerApp(id, false));
    }

    private JsonNode viewerTokens(String appId) throws Exception {
        return server.generateTokens(appId, GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());
    }

    @Test
    void anotherGrantTypeIsUnsupportedGrantType() throws Exception {
        String client = app("err-grant-type");

        HttpResponse<String> response = server.postForm(TOKEN, client,
            "grant_type=client_credentials");

        assertError(response, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Only"
            + " grant_type=refresh_token is served here; an administrator generates the first token pair.\"}");
    }

    @Test
    void aMissingRefreshTokenIsInvalidRequest() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, app("err-missing"), "grant_type=refresh_token");

        assertError(response, 400, "{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The parameter refresh_token is missing.\"}");
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, app("err-repeated"),
            "grant_type=refresh_token&refresh_token=gprt_a&refresh_token=gprt_b");

        assertError(response, 400, "{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The parameter 'refresh_token' is given more than once.\"}");
    }

    @Test
    void twoClientAuthenticationMethodsAreInvalidRequest() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, app("err-two-methods"),
            "grant_type=refresh_token&refresh_token=gprt_a&client_secret=gpcs_b");

        assertError(response, 400, "{\"error\":\"invalid_request\",\"error_description\":\"Use one client"
            + " authentication method: HTTP Basic or the client_secret parameter, not both.\"}");
    }

    @Test
    void aWrongSecretIsInvalidClientWithABasicChallenge() throws Exception {
        server.registerApp("err-secret", false);
        String refreshToken = viewerTokens("err-secret").get("refresh_token").asText();

        HttpResponse<String> response = server.postForm(TOKEN, GatepassServer.basic("err-secret", "gpcs_wrong"),
            "grant_type=refresh_token&refresh_token=" + refreshToken);

        assertError(response, 401, "{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Client authentication failed for client app 'err-secret'.\"}");
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"gatepass\"");
    }

    @Test
    void noClientAuthenticationIsInvalidClient() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, null, "grant_type=refresh_token&refresh_token=gprt_a");

        assertError(response, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
            + " is required: send the client_id (and the client_secret of a confidential app) with HTTP Basic or"
            + " as form parameters.\"}");
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"gatepass\"");
    }

    @Test
    void aMalformedRefreshTokenIsInvalidGrant() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, app("err-malformed"),
            "grant_type=refresh_token&refresh_token=gprt_never-issued");

        assertError(response, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token is malformed.\"}");
    }

    @Test
    void aWellFormedButUnknownRefreshTokenIsInvalidGrant() throws Exception {
        String unknown = new String(PrefixedSecret.generate("gprt_"));

        HttpResponse<String> response = server.postForm(TOKEN, app("err-unknown"),
            "grant_type=refresh_token&refresh_token=" + unknown);

        assertError(response, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token is unknown, or has expired and been removed.\"}");
    }

    @Test
    void aRefreshTokenOfAnotherAppIsInvalidGrant() throws Exception {
        String client = app("err-thief");
        server.registerApp("err-victim", false);
        String theirs = viewerTokens("err-victim").get("refresh_token").asText();

        HttpResponse<String> response = server.postForm(TOKEN, client, "grant_type=refresh_token&refresh_token="
            + theirs);

        assertError(response, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token was issued to another client app.\"}");
    }

    @Test
    void anAccessTokenGivenAsRefreshTokenIsInvalidGrant() throws Exception {
        String client = app("err-kind");
        String access = viewerTokens("err-kind").get("access_token").asText();

        HttpResponse<String> response = server.postForm(TOKEN, client, "grant_type=refresh_token&refresh_token="
            + access);

        assertError(response, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"An access token was given where a refresh token is expected.\"}");
    }

    @Test
    void aScopeIsInvalidScope() throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, app("err-scope"),
            "grant_type=refresh_token&refresh_token=gprt_a&scope=admin");

        assertError(response, 400, "{\"error\":\"invalid_scope\",\"error_description\":\"The scope parameter is"
            + " not supported: a refresh keeps the roles the grant was generated with.\"}");
    }

    @Test
    void getOnTheTokenEndpointIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = server.send(server.request(TOKEN).GET());

        assertError(response, 405, "{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The method GET is not allowed here; use POST.\"}");
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
    }

    @Test
    void revokingAnotherAppsTokenIsRefusedAndTheTokenKeepsWorking() throws Exception {
        String client = app("err-revoke-thief");
        String ownerClient = app("err-revoke-owner");
        JsonNode theirs = viewerTokens("err-revoke-owner");

        HttpResponse<String> response = server.postForm(REVOKE, client, "token="
            + theirs.get("refresh_token").asText());

        assertError(response, 400, "{\"error\":\"unauthorized_client\",\"error_description\":\"The token was"
            + " issued to another client app; an app can revoke only its own tokens.\"}");
        HttpResponse<String> stillActive = server.postForm(INTROSPECT, ownerClient, "token="
            + theirs.get("access_token").asText());
        assertThat(GatepassServer.json(stillActive).get("active").asBoolean()).isTrue();
    }

    @Test
    void revocationWithAWrongSecretIsInvalidClient() throws Exception {
        server.registerApp("err-revoke-secret", false);

        HttpResponse<String> response = server.postForm(REVOKE,
            GatepassServer.basic("err-revoke-secret", "gpcs_wrong"), "token=gprt_a");

        assertError(response, 401, "{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Client authentication failed for client app 'err-revoke-secret'.\"}");
    }

    @Test
    void revocationWithoutATokenIsInvalidRequest() throws Exception {
        HttpResponse<String> response =
            server.postForm(REVOKE, app("err-revoke-empty"), "token_type_hint=access_token");

        assertError(response, 400, "{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The parameter token is missing.\"}");
    }

    @Test
    void aMalformedTokenIsRevokedWith200AndNoBody() throws Exception {
        HttpResponse<String> response = server.postForm(REVOKE, app("err-revoke-malformed"), "token=whatever");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void introspectionWithoutAuthenticationIsInvalidClient() throws Exception {
        HttpResponse<String> response = server.postForm(INTROSPECT, null, "token=gpat_a");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"gatepass\"");
    }

    @Test
    void introspectionByAPublicAppIsInvalidClient() throws Exception {
        server.registerApp("err-introspect-public", true);

        HttpResponse<String> response = server.postForm(INTROSPECT, null,
            "token=gpat_a&client_id=err-introspect-public");

        assertError(response, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Only a confidential"
            + " client app, with its secret, may introspect tokens; 'err-introspect-public' is public.\"}");
    }

    @Test
    void introspectionWithoutATokenIsInvalidRequest() throws Exception {
        HttpResponse<String> response = server.postForm(INTROSPECT, app("err-introspect-empty"), "");

        assertError(response, 400, "{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The parameter token is missing.\"}");
    }
}
