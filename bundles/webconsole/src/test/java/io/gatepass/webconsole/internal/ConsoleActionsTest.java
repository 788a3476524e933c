package io.gatepass.webconsole.internal;

import static io.gatepass.webconsole.internal.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenRefusedException;

import org.junit.jupiter.api.Test;

class ConsoleActionsTest {

    private static final String SOURCE = "console:karaf@127.0.0.1";

    private final FakeRegistry registry = new FakeRegistry();
    private final FakeTokens tokens = new FakeTokens();
    private final ConsoleActions actions = new ConsoleActions(registry, tokens, new ConsoleJson());

    @Test
    void registeringAConfidentialAppAnswersItsSecretOnceAndWipesIt() {
        Reply reply = perform("register",
            "{'id': 'sdx-prod', 'name': 'SDX', 'access-ttl': '15m', 'refresh-ttl': ''}");

        ClientApp app = registry.get("sdx-prod");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).containsEntry("secret", "gpcs_registered");
        assertThat(app.name()).isEqualTo("SDX");
        assertThat(app.enabled()).isFalse();
        assertThat(app.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(app.refreshTokenLifetime()).isNull();
        assertThat(registry.handedOut.get(0).value()).containsOnly('\0');
    }

    @Test
    void registeringAPublicEnabledAppAnswersNoSecret() {
        Reply reply = perform("register", "{'id': 'script', 'type': 'public', 'enabled': true}");

        assertThat(reply.body()).containsEntry("secret", null);
        assertThat(registry.get("script").type()).isEqualTo(ClientAppType.PUBLIC);
        assertThat(registry.get("script").enabled()).isTrue();
    }

    @Test
    void theRegistrysOwnMessageReachesThePageNamingItsField() {
        assertThatThrownBy(() -> perform("register", "{'id': 'Sdx-Prod'}"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid id 'Sdx-Prod': use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("id");
    }

    @Test
    void aLifetimeThatIsNotADurationIsRefusedNamingItsField() {
        assertThatThrownBy(() -> perform("register", "{'id': 'sync', 'refresh-ttl': 'a month'}"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid refresh-ttl 'a month': use a whole number and a unit: s, m, h or d,"
                + " e.g. 90s, 15m, 1h, 30d.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("refresh-ttl");
        assertThat(registry.apps).isEmpty();
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheTypeField() {
        assertThatThrownBy(() -> perform("register", "{'id': 'sync', 'type': 'secret'}"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid type 'secret': use 'confidential' or 'public'.");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsSentAndAnEmptyLifetimeMeansTheDefault() {
        registry.add("sync", "Sync", true);
        registry.update("sync", ClientAppUpdate.none().accessTokenLifetime(Duration.ofHours(2)));

        Reply reply = perform("update", "{'id': 'sync', 'description': 'Nightly', 'access-ttl': ''}");

        ClientApp app = registry.get("sync");
        assertThat(app.name()).isEqualTo("Sync");
        assertThat(app.description()).isEqualTo("Nightly");
        assertThat(app.accessTokenLifetime()).isNull();
        assertThat(appOf(reply)).containsEntry("description", "Nightly").containsEntry("access-ttl", null);
    }

    @Test
    void enablingAndDisablingAnswerTheAppWithItsLiveGrants() {
        registry.add("sync", "Sync", false);
        tokens.addGrant("g-1", "sync", "alice", GrantStatus.ACTIVE);
        tokens.addGrant("g-2", "sync", "bob", GrantStatus.REVOKED);

        Reply enabled = perform("enable", "{'id': 'sync'}");
        Reply disabled = perform("disable", "{'id': 'sync'}");

        assertThat(appOf(enabled)).containsEntry("enabled", true).containsEntry("liveGrants", 1L);
        assertThat(appOf(disabled)).containsEntry("enabled", false);
        assertThat(registry.calls).containsExactly("enable sync", "disable sync");
    }

    @Test
    void rotatingTheSecretAnswersTheNewOneOnceAndWhenTheOldOneStops() {
        registry.add("sync", "Sync", true);

        Reply kept = perform("rotate-secret", "{'id': 'sync', 'keep-old': '24h'}");
        Reply stopped = perform("rotate-secret", "{'id': 'sync'}");

        assertThat(kept.body()).containsEntry("secret", "gpcs_rotated")
            .containsEntry("previousSecretValidUntil", "2026-12-04T14:02:16Z");
        assertThat(stopped.body()).containsEntry("previousSecretValidUntil", null);
        assertThat(registry.calls).containsExactly("rotate sync keeping PT24H", "rotate sync keeping PT0S");
        assertThat(registry.handedOut).allSatisfy(secret -> assertThat(secret.value()).containsOnly('\0'));
    }

    @Test
    void deletingRevokesTheLiveGrantsFirstAndSaysHowMany() {
        registry.add("sync", "Sync", true);
        tokens.addGrant("g-1", "sync", "alice", GrantStatus.ACTIVE);
        tokens.addGrant("g-2", "sync", "bob", GrantStatus.APP_DISABLED);
        tokens.addGrant("g-3", "other", "bob", GrantStatus.ACTIVE);

        Reply reply = perform("delete", "{'id': 'sync'}");

        assertThat(reply.body()).containsEntry("deleted", "sync").containsEntry("revokedGrants", 2);
        assertThat(tokens.calls).containsExactly("revoke app sync by " + SOURCE);
        assertThat(registry.calls).containsExactly("delete sync");
        assertThat(registry.apps).doesNotContainKey("sync");
    }

    @Test
    void generatingTokensPassesTheSourceAndRolesAndWipesThePassword() {
        ActionRequest request = body("{'appId': 'sync', 'username': 'alice', 'password': '"
            + FakeTokens.RIGHT_PASSWORD + "', 'roles': [' viewer ', '', 'sync']}");

        Reply reply = actions.perform("generate-tokens", request, SOURCE);

        assertThat(reply.body()).containsEntry("accessToken", "gpat_access")
            .containsEntry("refreshToken", "gprt_refresh").containsEntry("refreshExpires", null);
        assertThat(tokens.lastRequest.source()).isEqualTo(SOURCE);
        assertThat(tokens.lastRequest.roles()).containsExactlyInAnyOrder("viewer", "sync");
        assertThat(request.password()).containsOnly('\0');
    }

    @Test
    void aWrongPasswordIsRefusedAndWipedAllTheSame() {
        ActionRequest request = body("{'appId': 'sync', 'username': 'alice', 'password': 'wrong'}");

        assertThatThrownBy(() -> actions.perform("generate-tokens", request, SOURCE))
            .isInstanceOf(TokenRefusedException.class)
            .hasMessage("Wrong username or password for user 'alice'.");
        assertThat(request.password()).containsOnly('\0');
    }

    @Test
    void aTokenRequestWithoutUsernameOrPasswordIsRefusedNamingTheField() {
        assertThatThrownBy(() -> perform("generate-tokens", "{'appId': 'sync', 'password': 'x'}"))
            .hasMessage("Enter the username of the user the app will act as.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("username");
        assertThatThrownBy(() -> perform("generate-tokens", "{'appId': 'sync', 'username': 'alice'}"))
            .hasMessage("Enter the password of user 'alice'.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("password");
        assertThat(tokens.lastRequest).isNull();
    }

    @Test
    void revocationsOfAGrantAnAppAndAUserCarryTheSource() {
        tokens.addGrant("g-1", "sync", "alice", GrantStatus.ACTIVE);

        Reply grant = perform("revoke-grant", "{'grantId': 'g-1'}");
        Reply app = perform("revoke-app", "{'id': 'sync'}");
        Reply user = perform("revoke-user", "{'username': 'alice'}");

        assertThat(grant.body()).containsEntry("revoked", true);
        assertThat(app.body()).containsEntry("revokedGrants", 1);
        assertThat(user.body()).containsEntry("revokedGrants", 1);
        assertThat(tokens.calls).containsExactly("revoke grant g-1 by " + SOURCE,
            "revoke app sync by " + SOURCE, "revoke user alice by " + SOURCE);
    }

    @Test
    void onlyTheActionsOfThePageAreKnown() {
        assertThat(actions.knows("register")).isTrue();
        assertThat(actions.knows("revoke-all")).isFalse();
        assertThat(actions.knows("")).isFalse();
    }

    private Reply perform(String action, String json) {
        try (ActionRequest request = body(json)) {
            return actions.perform(action, request, SOURCE);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> appOf(Reply reply) {
        return (Map<String, Object>) reply.body().get("app");
    }
}
