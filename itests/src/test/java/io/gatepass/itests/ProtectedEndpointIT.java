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
 * The example bundle's {@code GET /data/items}, which selects the {@code gatepass} context and
 * requires the role viewer: RFC 6750 answers for every kind of bad token, 403 without the role,
 * and the data with the right user otherwise. Also {@code /gatepass/api/whoami}.
 */
@ExtendWith(GatepassServer.Shared.class)
class ProtectedEndpointIT {

    private static final String ITEMS = "/data/items";

    private GatepassServer server;

    @BeforeEach
    void server(GatepassServer server) {
        this.server = server;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = server.request(path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    private JsonNode tokens(String appId, String user, String password, List<String> roles) throws Exception {
        server.registerApp(appId, false);
        return server.generateTokens(appId, user, password, roles);
    }

    @Test
    void withoutATokenTheAnswerIs401WithABareBearerChallenge() throws Exception {
        HttpResponse<String> response = get(ITEMS, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"This needs an"
            + " access token: send it in the header Authorization: Bearer <access token>.\"}");
    }

    @Test
    void aMalformedTokenIs401InvalidToken() throws Exception {
        HttpResponse<String> response = get(ITEMS, "Bearer gpat_mistyped");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\","
            + " error=\"invalid_token\", error_description=\"The access token is not accepted: the token is"
            + " malformed: wrong prefix, length, characters or checksum.\"");
    }

    @Test
    void anUnknownTokenIs401InvalidToken() throws Exception {
        HttpResponse<String> response = get(ITEMS, "Bearer " + new String(PrefixedSecret.generate("gpat_")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":"
            + "\"The access token is not accepted: the token is unknown.\"}");
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() throws Exception {
        JsonNode pair = tokens("data-kind", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());

        HttpResponse<String> response = get(ITEMS, "Bearer " + pair.get("refresh_token").asText());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"The access"
            + " token is not accepted: the token is of the wrong kind: a refresh token where an access token is"
            + " expected, or the reverse.\"}");
    }

    @Test
    void aHeaderThatHoldsNoBearerTokenIs400InvalidRequest() throws Exception {
        HttpResponse<String> response = get(ITEMS, "Bearer");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\","
            + " error=\"invalid_request\", error_description=\"The Authorization header says Bearer but holds no"
            + " token.\"");
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        JsonNode pair = tokens("data-revoked", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());
        server.admin("DELETE", "/grants/" + pair.get("grant_id").asText(), null);

        HttpResponse<String> response = get(ITEMS, "Bearer " + pair.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":"
            + "\"The access token is not accepted: the token has been revoked.\"}");
    }

    @Test
    void aTokenWithoutTheViewerRoleIs403InsufficientScope() throws Exception {
        JsonNode pair = tokens("data-manager", GatepassServer.ADMIN, GatepassServer.ADMIN_PASSWORD,
            List.of("manager"));

        HttpResponse<String> response = get(ITEMS, "Bearer " + pair.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"gatepass\","
            + " error=\"insufficient_scope\", error_description=\"The access token does not act with the role"
            + " viewer, which this resource needs.\", scope=\"viewer\"");
        assertThat(response.body()).isEqualTo("{\"error\":\"insufficient_scope\",\"error_description\":"
            + "\"The access token does not act with the role viewer, which this resource needs.\"}");
    }

    @Test
    void aViewersTokenGetsTheDataAsThatUser() throws Exception {
        JsonNode pair = tokens("data-viewer", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());

        HttpResponse<String> response = get(ITEMS, "Bearer " + pair.get("access_token").asText());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"user\":\"it-viewer\",\"app\":\"data-viewer\","
            + "\"roles\":[\"viewer\"],\"viewer\":true,\"items\":[{\"id\":1,\"name\":\"Pump station north\","
            + "\"status\":\"running\"},{\"id\":2,\"name\":\"Pump station south\",\"status\":\"maintenance\"},"
            + "{\"id\":3,\"name\":\"Reservoir level sensor\",\"status\":\"running\"}]}");
    }

    @Test
    void anAdministratorsTokenActsAsTheAdministratorWithAllTheirRoles() throws Exception {
        JsonNode pair = tokens("data-admin", GatepassServer.ADMIN, GatepassServer.ADMIN_PASSWORD, List.of());

        JsonNode body = GatepassServer.json(get(ITEMS, "Bearer " + pair.get("access_token").asText()));

        assertThat(body.get("user").asText()).isEqualTo("karaf");
        assertThat(body.get("roles").toString()).contains("\"admin\"", "\"viewer\"");
    }

    @Test
    void theWebConsoleAtTheSameContextPathIsNotBehindTheGatepassContext() throws Exception {
        HttpResponse<String> console = get("/system/console/bundles",
            GatepassServer.basic(GatepassServer.ADMIN, GatepassServer.ADMIN_PASSWORD));

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().allValues("WWW-Authenticate")).isEmpty();
    }

    @Test
    void whoamiSaysWhatATokenActsAs() throws Exception {
        JsonNode pair = tokens("data-whoami", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());

        HttpResponse<String> response = get("/gatepass/api/whoami", "Bearer " + pair.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GatepassServer.json(response);
        assertThat(body.get("app_id").asText()).isEqualTo("data-whoami");
        assertThat(body.get("username").asText()).isEqualTo(GatepassServer.VIEWER);
        assertThat(body.get("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(body.get("grant_id").asText()).isEqualTo(pair.get("grant_id").asText());
        assertThat(body.get("expires_at").asText()).isEqualTo(pair.get("access_token_expires_at").asText());
        assertThat(body.get("expires_in").asLong()).isBetween(3590L, 3600L);
    }
}
