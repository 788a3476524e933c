package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API as an automation script uses it: authenticated against the Karaf JAAS realm or
 * by a bearer token, allowed only with the admin role, with exact statuses and errors that name
 * the field.
 */
@ExtendWith(GatepassServer.Shared.class)
class AdminApiIT {

    private GatepassServer server;

    @BeforeEach
    void server(GatepassServer server) {
        this.server = server;
    }

    private HttpResponse<String> as(String authorization, String method, String path, String json)
        throws Exception {
        var request = server.request("/gatepass/api/admin" + path).header("Authorization", authorization)
            .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return server.send(request);
    }

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() throws Exception {
        String viewer = GatepassServer.basic(GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD);

        HttpResponse<String> response = as(viewer, "GET", "/apps", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"forbidden\",\"error_description\":"
            + "\"User 'it-viewer' does not have the role admin, which the admin API needs.\"}");
    }

    @Test
    void aViewersBearerTokenIsForbiddenAndAnAdministratorsIsAccepted() throws Exception {
        server.registerApp("admin-bearer", false);
        String viewer = server.generateTokens("admin-bearer", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD,
            List.of()).get("access_token").asText();
        String admin = server.generateTokens("admin-bearer", GatepassServer.ADMIN, GatepassServer.ADMIN_PASSWORD,
            List.of()).get("access_token").asText();

        HttpResponse<String> refused = as("Bearer " + viewer, "GET", "/apps", null);
        HttpResponse<String> accepted = as("Bearer " + admin, "GET", "/apps/admin-bearer", null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"forbidden\",\"error_description\":\"The access token"
            + " acts as user 'it-viewer' without the role admin, which the admin API needs.\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(GatepassServer.json(accepted).get("id").asText()).isEqualTo("admin-bearer");
    }

    @Test
    void aWrongPasswordOrNoCredentialsAre401() throws Exception {
        HttpResponse<String> wrong = as(GatepassServer.basic("karaf", "not-karaf"), "GET", "/apps", null);
        HttpResponse<String> none = server.send(server.request("/gatepass/api/admin/apps").GET());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":"
            + "\"Wrong username or password.\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().allValues("WWW-Authenticate"))
            .containsExactly("Basic realm=\"gatepass\"", "Bearer realm=\"gatepass\"");
    }

    @Test
    void anAppGoesThroughItsWholeLifeOverTheApi() throws Exception {
        HttpResponse<String> registered = server.admin("POST", "/apps",
            "{\"id\":\"admin-life\",\"name\":\"Life\",\"description\":\"Nightly sync\",\"refresh_ttl\":\"30d\"}");
        HttpResponse<String> updated = server.admin("PATCH", "/apps/admin-life",
            "{\"name\":\"Life cycle\",\"access_ttl\":\"15m\"}");
        HttpResponse<String> enabled = server.admin("POST", "/apps/admin-life/enable", null);
        HttpResponse<String> rotated =
            server.admin("POST", "/apps/admin-life/rotate-secret", "{\"keep_old\":\"1h\"}");
        HttpResponse<String> disabled = server.admin("POST", "/apps/admin-life/disable", null);
        HttpResponse<String> listed = server.admin("GET", "/apps", null);
        HttpResponse<String> deleted = server.admin("DELETE", "/apps/admin-life", null);
        HttpResponse<String> gone = server.admin("GET", "/apps/admin-life", null);

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Location")).contains("/gatepass/api/admin/apps/admin-life");
        JsonNode app = GatepassServer.json(registered).get("app");
        assertThat(app.get("enabled").asBoolean()).isFalse();
        assertThat(app.get("refresh_ttl").asText()).isEqualTo("30d");
        assertThat(GatepassServer.json(registered).get("client_secret").asText()).startsWith("gpcs_");
        assertThat(GatepassServer.json(updated).get("name").asText()).isEqualTo("Life cycle");
        assertThat(GatepassServer.json(updated).get("access_ttl").asText()).isEqualTo("15m");
        assertThat(GatepassServer.json(enabled).get("enabled").asBoolean()).isTrue();
        assertThat(GatepassServer.json(rotated).get("client_secret").asText()).startsWith("gpcs_")
            .isNotEqualTo(GatepassServer.json(registered).get("client_secret").asText());
        assertThat(GatepassServer.json(rotated).get("previous_secret_valid_until").isNull()).isFalse();
        assertThat(GatepassServer.json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(listed.body()).contains("\"id\":\"admin-life\"");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(GatepassServer.json(gone).get("error").asText()).isEqualTo("unknown_app");
    }

    @Test
    void registrationErrorsNameTheirFieldAndStatus() throws Exception {
        server.registerApp("admin-taken", false);

        HttpResponse<String> badId = server.admin("POST", "/apps", "{\"id\":\"Not Valid\"}");
        HttpResponse<String> taken = server.admin("POST", "/apps", "{\"id\":\"admin-taken\"}");
        HttpResponse<String> badTtl = server.admin("POST", "/apps", "{\"id\":\"admin-ttl\",\"access_ttl\":\"soon\"}");

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Invalid id"
            + " 'Not Valid': use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.\","
            + "\"field\":\"id\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(GatepassServer.json(taken).get("error").asText()).isEqualTo("conflict");
        assertThat(badTtl.statusCode()).isEqualTo(400);
        assertThat(badTtl.body()).isEqualTo("{\"error\":\"invalid_input\",\"error_description\":\"Invalid access_ttl"
            + " 'soon': use a whole number and a unit: s, m, h or d, e.g. 90s, 15m, 1h, 30d.\","
            + "\"field\":\"access_ttl\"}");
    }

    @Test
    void tokenGenerationRefusalsNameTheField() throws Exception {
        server.registerApp("admin-refusals", false);

        HttpResponse<String> wrongPassword = server.admin("POST", "/apps/admin-refusals/tokens",
            "{\"username\":\"it-viewer\",\"password\":\"nope\"}");
        HttpResponse<String> roleNotHeld = server.admin("POST", "/apps/admin-refusals/tokens",
            "{\"username\":\"it-viewer\",\"password\":\"" + GatepassServer.VIEWER_PASSWORD
                + "\",\"roles\":[\"admin\"]}");
        HttpResponse<String> unknownApp = server.admin("POST", "/apps/admin-nothing/tokens",
            "{\"username\":\"it-viewer\",\"password\":\"" + GatepassServer.VIEWER_PASSWORD + "\"}");

        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(wrongPassword.body()).isEqualTo("{\"error\":\"bad_credentials\",\"error_description\":"
            + "\"Wrong username or password for user 'it-viewer'.\",\"field\":\"password\"}");
        assertThat(roleNotHeld.statusCode()).isEqualTo(400);
        assertThat(roleNotHeld.body()).isEqualTo("{\"error\":\"role_not_held\",\"error_description\":\"User"
            + " 'it-viewer' does not have the role admin; their roles are: viewer.\",\"field\":\"roles\"}");
        assertThat(unknownApp.statusCode()).isEqualTo(404);
        assertThat(GatepassServer.json(unknownApp).get("error").asText()).isEqualTo("unknown_app");
    }

    @Test
    void grantsAreListedFilteredAndRevokedByGrantAppAndUser() throws Exception {
        server.registerApp("admin-grants", false);
        server.registerApp("admin-grants-two", false);
        JsonNode first = server.generateTokens("admin-grants", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD,
            List.of());
        server.generateTokens("admin-grants", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());
        server.generateTokens("admin-grants-two", GatepassServer.ADMIN, GatepassServer.ADMIN_PASSWORD,
            List.of("manager"));

        JsonNode ofApp = GatepassServer.json(server.admin("GET", "/grants?app=admin-grants", null));
        JsonNode one = GatepassServer.json(server.admin("DELETE", "/grants/" + first.get("grant_id").asText(), null));
        JsonNode byApp = GatepassServer.json(server.admin("POST", "/grants/revoke", "{\"app\":\"admin-grants\"}"));
        JsonNode liveOfApp = GatepassServer.json(server.admin("GET", "/grants?app=admin-grants", null));
        JsonNode allOfApp = GatepassServer.json(server.admin("GET", "/grants?app=admin-grants&all=true", null));
        JsonNode audit = GatepassServer.json(server.admin("GET", "/audit?app=admin-grants&limit=10", null));

        assertThat(ofApp).hasSize(2);
        assertThat(ofApp.get(0).get("username").asText()).isEqualTo(GatepassServer.VIEWER);
        assertThat(one.get("revoked").asBoolean()).isTrue();
        assertThat(one.get("grant").get("status").asText()).isEqualTo("revoked");
        assertThat(byApp.get("revoked").asInt()).isEqualTo(1);
        assertThat(liveOfApp).isEmpty();
        assertThat(allOfApp).hasSize(2);
        assertThat(audit.toString()).contains("\"event\":\"ISSUED\"", "\"event\":\"REVOKED\"",
            "\"source\":\"http:karaf@127.0.0.1\"");
    }

    @Test
    void grantsOfAUserAreRevokedTogether() throws Exception {
        server.registerApp("admin-user-revoke", false);
        server.generateTokens("admin-user-revoke", GatepassServer.VIEWER, GatepassServer.VIEWER_PASSWORD, List.of());

        JsonNode revoked = GatepassServer.json(server.admin("POST", "/grants/revoke", "{\"user\":\"it-viewer\"}"));
        JsonNode left = GatepassServer.json(server.admin("GET", "/grants?user=it-viewer", null));

        assertThat(revoked.get("revoked").asInt()).isPositive();
        assertThat(left).isEmpty();
    }
}
