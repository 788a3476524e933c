package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientSecret;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenValidation;
import io.gatepass.api.UnknownClientAppException;
import io.gatepass.spi.CredentialVerifier.BadCredentialsException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AdminEndpointTest {

    private static final String ADMIN = ClientAuthenticationTest.basic("karaf:karaf-pw");

    private final TestEndpoints fixture = new TestEndpoints();
    private final AdminEndpoint endpoint = new AdminEndpoint(fixture.endpoints);

    @BeforeEach
    void users() {
        when(fixture.verifier.verify(eq("karaf"), any())).thenAnswer(call ->
            new String((char[]) call.getArgument(1)).equals("karaf-pw") ? Set.of("admin", "viewer")
                : failLogin());
        when(fixture.verifier.verify(eq("vic"), any())).thenReturn(Set.of("viewer"));
    }

    private static Set<String> failLogin() {
        throw new BadCredentialsException("Wrong username or password.");
    }

    private FakeResponse call(FakeRequest request) throws Exception {
        FakeResponse response = FakeResponse.create();
        endpoint.service(request, response);
        return response;
    }

    private FakeRequest admin(String method, String path) {
        return FakeRequest.of(method, "/api/admin").pathInfo(path).header("Authorization", ADMIN);
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithBothChallenges() throws Exception {
        FakeResponse response = call(FakeRequest.of("GET", "/api/admin").pathInfo("/apps"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate"))
            .containsExactly("Basic realm=\"gatepass\"", "Bearer realm=\"gatepass\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":\"The admin API"
            + " needs the username and password of an administrator (HTTP Basic) or an administrator's access"
            + " token (Bearer).\"}");
    }

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() throws Exception {
        FakeResponse response = call(FakeRequest.of("GET", "/api/admin").pathInfo("/apps")
            .header("Authorization", ClientAuthenticationTest.basic("vic:vic-pw")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"forbidden\",\"error_description\":"
            + "\"User 'vic' does not have the role admin, which the admin API needs.\"}");
    }

    @Test
    void aWrongPasswordIs401AndCountsTowardsTheThrottle() throws Exception {
        FakeRequest wrong = FakeRequest.of("GET", "/api/admin").pathInfo("/apps")
            .header("Authorization", ClientAuthenticationTest.basic("karaf:guess"));

        FakeResponse first = call(wrong);
        for (int i = 1; i < TestEndpoints.ALLOWED_FAILURES; i++) {
            call(wrong);
        }

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":"
            + "\"Wrong username or password.\"}");
        assertThat(call(admin("GET", "/apps")).status()).isEqualTo(429);
    }

    @Test
    void aBearerTokenOfAnAdministratorIsAccepted() throws Exception {
        when(fixture.tokens.validate("gpat_admin")).thenReturn(TokenValidation.valid(new TokenPrincipal("g-1",
            "ops", "karaf", Set.of("admin"), TestEndpoints.NOW.plusSeconds(60))));
        when(fixture.registry.list()).thenReturn(List.of());

        FakeResponse response = call(FakeRequest.of("GET", "/api/admin").pathInfo("/apps")
            .header("Authorization", "Bearer gpat_admin"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void registeringAnAppAnswers201WithItsSecretOnce() throws Exception {
        Instant created = Instant.parse("2026-12-03T09:00:00Z");
        when(fixture.registry.register(any())).thenAnswer(call -> {
            NewClientApp request = call.getArgument(0);
            return new ClientAppRegistration(new io.gatepass.api.ClientApp(request.id(), request.name(), "",
                request.type(), request.enabled(), request.accessTokenLifetime(), null, created, created, null),
                new ClientSecret("gpcs_once".toCharArray()));
        });

        FakeResponse response = call(admin("POST", "/apps").body("application/json",
            "{\"id\":\"sdx\",\"name\":\"SDX\",\"enabled\":true,\"access_ttl\":\"15m\"}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers("Location")).containsExactly("/gatepass/api/admin/apps/sdx");
        assertThat(response.body()).isEqualTo("{\"app\":{\"id\":\"sdx\",\"name\":\"SDX\",\"description\":\"\","
            + "\"type\":\"confidential\",\"enabled\":true,\"access_ttl\":\"15m\",\"refresh_ttl\":null,"
            + "\"created\":\"2026-12-03T09:00:00Z\",\"updated\":\"2026-12-03T09:00:00Z\",\"last_used\":null},"
            + "\"client_secret\":\"gpcs_once\"}");
    }

    @Test
    void aRuleBrokenInTheRegistryNamesTheJsonField() throws Exception {
        when(fixture.registry.register(any())).thenThrow(InvalidInputException.of("access-ttl", "2s",
            "use 5s to 24h"));

        FakeResponse response = call(admin("POST", "/apps").body("application/json",
            "{\"id\":\"sdx\",\"access_ttl\":\"2s\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":"
            + "\"Invalid access-ttl '2s': use 5s to 24h.\",\"field\":\"access_ttl\"}");
    }

    @Test
    void anUnknownFieldAWrongTypeAndBrokenJsonAreRefused() throws Exception {
        assertThat(call(admin("POST", "/apps").body("application/json", "{\"id\":\"sdx\",\"colour\":\"red\"}"))
            .body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Unknown field 'colour'; use"
                + " access_ttl, description, enabled, id, name, refresh_ttl, reuse_deleted_id, type.\","
                + "\"field\":\"colour\"}");
        assertThat(call(admin("POST", "/apps").body("application/json", "{\"id\":\"sdx\",\"enabled\":\"yes\"}"))
            .body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Invalid enabled '\\\"yes\\\"':"
                + " use true or false.\",\"field\":\"enabled\"}");
        assertThat(call(admin("POST", "/apps").body("application/json", "{\"id\":")).body())
            .isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"The body is not valid JSON (line 1,"
                + " column 7).\"}");
        assertThat(call(admin("POST", "/apps").body("text/plain", "id=sdx")).body())
            .isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
                + "\"The body must be application/json.\"}");
    }

    @Test
    void anUnknownAppIs404AndATakenIdIs409() throws Exception {
        when(fixture.registry.get("ghost")).thenThrow(new UnknownClientAppException("ghost", List.of("sdx")));
        when(fixture.registry.register(any())).thenThrow(new ClientAppConflictException("A client app named 'sdx'"
            + " already exists."));

        FakeResponse unknown = call(admin("GET", "/apps/ghost"));
        FakeResponse taken = call(admin("POST", "/apps").body("application/json", "{\"id\":\"sdx\"}"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"unknown_app\",\"error_description\":"
            + "\"No client app named 'ghost'. Known apps: sdx.\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).isEqualTo("{\"error\":\"conflict\",\"error_description\":"
            + "\"A client app named 'sdx' already exists.\"}");
    }

    @Test
    void tokensAreGeneratedWithThePasswordAsCharactersThatAreWipedAfterwards() throws Exception {
        ArgumentCaptor<TokenRequest> request = ArgumentCaptor.forClass(TokenRequest.class);
        char[][] passwordSeen = new char[1][];
        when(fixture.tokens.generate(request.capture())).thenAnswer(call -> {
            passwordSeen[0] = ((TokenRequest) call.getArgument(0)).password().clone();
            return TokenEndpointTest.pair();
        });

        FakeResponse response = call(admin("POST", "/apps/sdx/tokens").body("application/json",
            "{\"username\":\"bob\",\"password\":\"b0b-pw\",\"roles\":[\"viewer\"]}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"access_token\":\"gpat_new\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600,\"refresh_token\":\"gprt_new\",\"refresh_token_expires_in\":2592000,"
            + "\"grant_id\":\"g-1\",\"app_id\":\"sdx\",\"username\":\"bob\",\"roles\":[\"viewer\"],"
            + "\"access_token_expires_at\":\"2026-12-03T11:00:00Z\","
            + "\"refresh_token_expires_at\":\"2027-01-02T10:00:00Z\"}");
        assertThat(request.getValue().appId()).isEqualTo("sdx");
        assertThat(request.getValue().roles()).containsExactly("viewer");
        assertThat(request.getValue().source()).isEqualTo("http:karaf@10.0.0.7");
        assertThat(passwordSeen[0]).containsExactly("b0b-pw".toCharArray());
        assertThat(request.getValue().password()).containsOnly('\0');
    }

    @Test
    void aWrongPasswordOfTheImpersonatedUserNamesThePasswordField() throws Exception {
        when(fixture.tokens.generate(any())).thenThrow(new TokenRefusedException(Refusal.BAD_CREDENTIALS,
            "Wrong username or password for user 'bob'."));

        FakeResponse response = call(admin("POST", "/apps/sdx/tokens").body("application/json",
            "{\"username\":\"bob\",\"password\":\"nope\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"bad_credentials\",\"error_description\":"
            + "\"Wrong username or password for user 'bob'.\",\"field\":\"password\"}");
    }

    @Test
    void grantsAreListedWithTheFiltersOfTheQuery() throws Exception {
        ArgumentCaptor<GrantQuery> query = ArgumentCaptor.forClass(GrantQuery.class);
        when(fixture.tokens.grants(query.capture()))
            .thenReturn(List.of(RevocationAndIntrospectionTest.grant("sdx")));

        FakeResponse response = call(admin("GET", "/grants").query("app=sdx&user=bob&expiring=7d&all=true"));

        assertThat(query.getValue()).isEqualTo(new GrantQuery("sdx", "bob", Duration.ofDays(7), true));
        assertThat(response.body()).isEqualTo("[{\"grant_id\":\"g-1\",\"app_id\":\"sdx\",\"username\":\"bob\","
            + "\"roles\":[\"manager\",\"viewer\"],\"status\":\"active\",\"created\":\"2026-12-03T10:00:00Z\","
            + "\"last_used\":null,\"access_token_expires_at\":\"2026-12-03T11:00:00Z\","
            + "\"refresh_token_expires_at\":\"2027-01-02T10:00:00Z\",\"revocation\":null}]");
    }

    @Test
    void anUnknownQueryParameterIsRefused() throws Exception {
        FakeResponse response = call(admin("GET", "/grants").query("application=sdx"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Unknown query"
            + " parameter 'application'; use all, app, expiring, user.\",\"field\":\"application\"}");
    }

    @Test
    void revokingByAppNeedsExactlyOneOfAppAndUser() throws Exception {
        when(fixture.tokens.revokeApp("sdx", "http:karaf@10.0.0.7")).thenReturn(2);

        FakeResponse byApp = call(admin("POST", "/grants/revoke").body("application/json", "{\"app\":\"sdx\"}"));
        FakeResponse both = call(admin("POST", "/grants/revoke").body("application/json",
            "{\"app\":\"sdx\",\"user\":\"bob\"}"));

        assertThat(byApp.body()).isEqualTo("{\"revoked\":2}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":"
            + "\"Say whose grants to revoke with exactly one of app and user.\"}");
    }

    @Test
    void anUnknownGrantIs404() throws Exception {
        when(fixture.tokens.grant("g-x")).thenReturn(Optional.empty());

        FakeResponse response = call(admin("DELETE", "/grants/g-x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"unknown_grant\",\"error_description\":"
            + "\"No grant with id 'g-x'.\"}");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() throws Exception {
        FakeResponse unknown = call(admin("GET", "/users"));
        FakeResponse wrongMethod = call(admin("DELETE", "/apps"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"not_found\",\"error_description\":"
            + "\"The admin API has nothing at '/users'; it serves apps, grants and audit.\"}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers("Allow")).containsExactly("GET, POST");
    }

    @Test
    void aPathOutsideTheEndpointsIsAJson404() throws Exception {
        FakeResponse response = FakeResponse.create();

        new NotFoundEndpoint(fixture.endpoints).service(FakeRequest.of("GET", "/api/admins"), response);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"error_description\":\"Nothing is"
            + " served at this path; Gatepass serves /oauth/token, /oauth/revoke, /oauth/introspect,"
            + " /api/whoami and /api/admin/ here.\"}");
    }

    @Test
    void aPublicAppHasNoSecretToRotate() throws Exception {
        when(fixture.registry.rotateSecret("script", Duration.ofHours(24))).thenThrow(
            new InvalidInputException("type", "Client app 'script' is public and has no secret."));

        FakeResponse response = call(admin("POST", "/apps/script/rotate-secret").body("application/json",
            "{\"keep_old\":\"24h\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":"
            + "\"Client app 'script' is public and has no secret.\",\"field\":\"type\"}");
        assertThat(ClientAppType.PUBLIC.label()).isEqualTo("public");
    }
}
