package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Set;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.InvalidClientException;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

class TokenEndpointTest {

    private static final String REFRESH = "gprt_presented";

    private final TestEndpoints fixture = new TestEndpoints();
    private final TokenEndpoint endpoint = new TokenEndpoint(fixture.endpoints);

    static TokenPair pair() {
        return new TokenPair("gpat_new", "gprt_new", TestEndpoints.NOW.plusSeconds(3600),
            TestEndpoints.NOW.plus(Duration.ofDays(30)), "g-1", "sdx", "bob", Set.of("viewer"));
    }

    private FakeResponse post(FakeRequest request) throws Exception {
        FakeResponse response = FakeResponse.create();
        endpoint.service(request, response);
        return response;
    }

    private FakeResponse post(String form) throws Exception {
        return post(FakeRequest.form("/oauth/token", form));
    }

    @Test
    void aRefreshAnswersTheNewPairAsRfc6749Section51() throws Exception {
        when(fixture.tokens.refresh(eq(REFRESH), any())).thenReturn(pair());

        FakeResponse response = post(FakeRequest.form("/oauth/token", "grant_type=refresh_token&refresh_token="
            + REFRESH).header("Authorization", ClientAuthenticationTest.basic("sdx:gpcs_secret")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"access_token\":\"gpat_new\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600,\"refresh_token\":\"gprt_new\",\"refresh_token_expires_in\":2592000}");
        assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.headers("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers("Pragma")).containsExactly("no-cache");
    }

    @Test
    void theClientAddressAndSecretGoToTheTokenService() throws Exception {
        ArgumentCaptor<ClientCredentials> credentials = ArgumentCaptor.forClass(ClientCredentials.class);
        char[][] secretSeen = new char[1][];
        when(fixture.tokens.refresh(eq(REFRESH), credentials.capture())).thenAnswer(call -> {
            secretSeen[0] = ((ClientCredentials) call.getArgument(1)).secret().clone();
            return pair();
        });

        post(FakeRequest.form("/oauth/token", "grant_type=refresh_token&refresh_token=" + REFRESH
            + "&client_id=sdx&client_secret=gpcs_secret").from("192.0.2.8"));

        assertThat(credentials.getValue().appId()).isEqualTo("sdx");
        assertThat(credentials.getValue().source()).isEqualTo("192.0.2.8");
        assertThat(secretSeen[0]).containsExactly("gpcs_secret".toCharArray());
        assertThat(credentials.getValue().secret()).as("wiped after use").containsOnly('\0');
    }

    @Test
    void aRefusedRefreshTokenIsInvalidGrantWithTheServicesSentence() throws Exception {
        when(fixture.tokens.refresh(eq(REFRESH), any()))
            .thenThrow(new InvalidGrantException("The refresh token cannot be used: the token has expired."));

        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&client_id=script");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token cannot be used: the token has expired.\"}");
        assertThat(response.headers("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aFailedClientAuthenticationIs401InvalidClientWithABasicChallenge() throws Exception {
        when(fixture.tokens.refresh(eq(REFRESH), any()))
            .thenThrow(new InvalidClientException("Client authentication failed for client app 'sdx'."));

        FakeResponse response = post(FakeRequest.form("/oauth/token", "grant_type=refresh_token&refresh_token="
            + REFRESH).header("Authorization", ClientAuthenticationTest.basic("sdx:wrong")));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Basic realm=\"gatepass\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":"
            + "\"Client authentication failed for client app 'sdx'.\"}");
    }

    @Test
    void anotherGrantTypeIsUnsupported() throws Exception {
        FakeResponse response = post("grant_type=password&username=bob&client_id=sdx");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":"
            + "\"Only grant_type=refresh_token is served here; an administrator generates the first token pair.\"}");
    }

    @Test
    void aMissingParameterIsInvalidRequest() throws Exception {
        assertThat(post("refresh_token=" + REFRESH + "&client_id=sdx").body()).isEqualTo("{\"error\":"
            + "\"invalid_request\",\"error_description\":\"The parameter grant_type is missing.\"}");
        assertThat(post("grant_type=refresh_token&client_id=sdx").body()).isEqualTo("{\"error\":"
            + "\"invalid_request\",\"error_description\":\"The parameter refresh_token is missing.\"}");
    }

    @Test
    void aScopeIsRefusedBecauseARefreshKeepsTheGrantsRoles() throws Exception {
        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&scope=admin");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_scope\"");
    }

    @Test
    void aBodyThatIsNotAFormIsInvalidRequest() throws Exception {
        FakeResponse response = post(FakeRequest.of("POST", "/oauth/token")
            .body("application/json", "{\"grant_type\":\"refresh_token\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The body must be application/x-www-form-urlencoded.\"}");
    }

    @Test
    void getIsNotAllowed() throws Exception {
        FakeResponse response = post(FakeRequest.of("GET", "/oauth/token"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers("Allow")).containsExactly("POST");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The method GET is not allowed here; use POST.\"}");
    }

    @Test
    void aRefreshTokenInTheQueryStringIsRefusedBeforeAnythingElse() throws Exception {
        FakeResponse response = post(FakeRequest.form("/oauth/token", "grant_type=refresh_token")
            .query("refresh_token=" + REFRESH));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"Tokens must not be sent in the URL (the query string has 'refresh_token'): send them in the"
            + " request body or the Authorization header.\"}");
        verifyNoInteractions(fixture.tokens);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + "x".repeat(2000));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
            + "\"The request body is larger than 1024 bytes.\"}");
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledWith429() throws Exception {
        when(fixture.tokens.refresh(any(), any())).thenThrow(new InvalidGrantException("The refresh token is"
            + " unknown, or has expired and been removed."));
        for (int i = 0; i < TestEndpoints.ALLOWED_FAILURES; i++) {
            post("grant_type=refresh_token&refresh_token=gprt_guess" + i + "&client_id=script");
        }

        FakeResponse response = post("grant_type=refresh_token&refresh_token=gprt_guess&client_id=script");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers("Retry-After")).containsExactly("60");
        assertThat(response.body()).isEqualTo("{\"error\":\"too_many_requests\",\"error_description\":"
            + "\"Too many failed attempts from this address; try again in 60 seconds.\"}");
        Mockito.verify(fixture.tokens, Mockito.times(TestEndpoints.ALLOWED_FAILURES)).refresh(any(), any());
    }

    @Test
    void whileTheTokenServiceIsAwayTheAnswerIs503() throws Exception {
        fixture.tokenSlot.unbind(fixture.tokens);

        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&client_id=script");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers("Retry-After")).containsExactly("1");
        assertThat(response.body()).isEqualTo("{\"error\":\"temporarily_unavailable\",\"error_description\":"
            + "\"Gatepass is starting or being updated; try again in a moment.\"}");
    }

    @Test
    void aStoreThatCannotWriteIs503WithRetryAfterAndNoPath() throws Exception {
        when(fixture.tokens.refresh(any(), any())).thenThrow(new StoreException(
            "Could not write to /var/karaf/data/gatepass/journal-3.gpj: No space left on device"));

        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&client_id=script");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers("Retry-After")).containsExactly("10");
        assertThat(response.body()).isEqualTo("{\"error\":\"temporarily_unavailable\",\"error_description\":"
            + "\"Gatepass could not store the change, so nothing was changed; try again later. The server log says"
            + " why.\"}");
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetails() throws Exception {
        when(fixture.tokens.refresh(any(), any())).thenThrow(new IllegalStateException("internal detail"));

        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&client_id=script");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"server_error\",\"error_description\":"
            + "\"The server could not complete the request; the server log says why.\"}");
    }

    @Test
    void descriptionsKeepToTheCharactersRfc6749Allows() throws Exception {
        when(fixture.tokens.refresh(any(), any()))
            .thenThrow(new InvalidGrantException("The user 'J\u00fcrgen \"jo\"' no longer exists on this server."));

        FakeResponse response = post("grant_type=refresh_token&refresh_token=" + REFRESH + "&client_id=script");

        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The user 'J?rgen 'jo'' no longer exists on this server.\"}");
    }
}
