package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;

import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {

    private static final FormBody NO_FORM = form("");

    static String basic(String rawPair) {
        return "Basic " + Base64.getEncoder().encodeToString(rawPair.getBytes(StandardCharsets.UTF_8));
    }

    private static FormBody form(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return FormBody.parse(bytes, bytes.length, "request body");
    }

    static ClientApp app(String id, ClientAppType type) {
        Instant created = Instant.parse("2026-12-01T00:00:00Z");
        return new ClientApp(id, id, "", type, true, null, null, created, created, null);
    }

    @Test
    void basicCredentialsAreFormDecodedAsRfc6749Asks() {
        ClientAuthentication client = ClientAuthentication.of(basic("my%20app:s%2Bc+r%3Aet"), NO_FORM);

        assertThat(client.appId()).isEqualTo("my app");
        assertThat(client.secret()).containsExactly("s+c r:et".toCharArray());
        assertThat(client.basic()).isTrue();
    }

    @Test
    void basicWithAnEmptySecretIsAPublicAppThatSendsNoSecret() {
        ClientAuthentication client = ClientAuthentication.of(basic("script:"), NO_FORM);

        assertThat(client.appId()).isEqualTo("script");
        assertThat(client.secret()).isNull();
    }

    @Test
    void formParametersAuthenticateToo() {
        ClientAuthentication client = ClientAuthentication.of(null, form("client_id=sdx&client_secret=gpcs_x"));

        assertThat(client.appId()).isEqualTo("sdx");
        assertThat(client.secret()).containsExactly("gpcs_x".toCharArray());
        assertThat(client.basic()).isFalse();
    }

    @Test
    void aPublicAppSendsItsClientIdAlone() {
        ClientAuthentication client = ClientAuthentication.of(null, form("client_id=script"));

        assertThat(client.secret()).isNull();
    }

    @Test
    void noCredentialsAtAllIsInvalidClientWithABasicChallenge() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of(null, NO_FORM))
            .withMessage("Client authentication is required: send the client_id (and the client_secret of a"
                + " confidential app) with HTTP Basic or as form parameters.")
            .satisfies(problem -> {
                assertThat(problem.status()).isEqualTo(401);
                assertThat(problem.error()).isEqualTo("invalid_client");
                assertThat(problem.headers()).containsExactly(
                    new HttpProblem.Header("WWW-Authenticate", "Basic realm=\"gatepass\""));
            });
    }

    @Test
    void basicAndAFormSecretTogetherAreRefused() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of(basic("sdx:a"), form("client_secret=b")))
            .withMessage("Use one client authentication method: HTTP Basic or the client_secret parameter,"
                + " not both.")
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @Test
    void aFormClientIdMayRepeatTheBasicOneButNotContradictIt() {
        assertThat(ClientAuthentication.of(basic("sdx:a"), form("client_id=sdx")).appId()).isEqualTo("sdx");
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of(basic("sdx:a"), form("client_id=other")))
            .withMessage("The client_id parameter names another app than HTTP Basic.");
    }

    @Test
    void anotherSchemeIsRefusedAsInvalidClient() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of("Bearer gpat_abc", NO_FORM))
            .withMessage("Unsupported client authentication: use HTTP Basic, or the client_id and client_secret"
                + " parameters.")
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(401));
    }

    @Test
    void basicThatIsNotBase64OrHasNoColonIsInvalidClient() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of("Basic !!!", NO_FORM))
            .withMessage("The HTTP Basic credentials are not valid Base64.");
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of(basic("sdx"), NO_FORM))
            .withMessage("The HTTP Basic credentials have no ':' between the client id and the client secret.");
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> ClientAuthentication.of(basic(":secret"), NO_FORM))
            .withMessage("The HTTP Basic credentials have an empty client id.");
    }

    @Test
    void aConfidentialAppAuthenticatesWithItsSecret() {
        ClientAppRegistry registry = mock(ClientAppRegistry.class);
        when(registry.find("sdx")).thenReturn(Optional.of(app("sdx", ClientAppType.CONFIDENTIAL)));
        when(registry.authenticate(eq("sdx"), any())).thenAnswer(call ->
            new String((char[]) call.getArgument(1)).equals("right"));

        ClientAuthentication right = new ClientAuthentication("sdx", "right".toCharArray(), true);
        ClientAuthentication wrong = new ClientAuthentication("sdx", "wrong".toCharArray(), true);
        ClientAuthentication none = new ClientAuthentication("sdx", null, false);

        assertThat(right.authenticate(registry, true).id()).isEqualTo("sdx");
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> wrong.authenticate(registry, false))
            .withMessage("Client authentication failed for client app 'sdx'.");
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> none.authenticate(registry, false))
            .withMessage("Client authentication failed for client app 'sdx'.");
    }

    @Test
    void anUnknownAppFailsAndAPublicAppMayNotIntrospect() {
        ClientAppRegistry registry = mock(ClientAppRegistry.class);
        when(registry.find("ghost")).thenReturn(Optional.empty());
        when(registry.find("script")).thenReturn(Optional.of(app("script", ClientAppType.PUBLIC)));
        ClientAuthentication script = new ClientAuthentication("script", null, false);

        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> new ClientAuthentication("ghost", null, false).authenticate(registry, false))
            .withMessage("Client authentication failed: unknown client app.");
        assertThat(script.authenticate(registry, false).id()).isEqualTo("script");
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> script.authenticate(registry, true))
            .withMessage("Only a confidential client app, with its secret, may introspect tokens; 'script' is"
                + " public.");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ClientAuthentication client = new ClientAuthentication("sdx", "gpcs_topsecret".toCharArray(), true);

        assertThat(client.toString()).doesNotContain("topsecret").contains("hidden");
    }
}
