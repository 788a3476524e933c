package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenPrincipal;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRequest;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The TokenService in the distribution, for real JAAS users: the shipped karaf user and a user
 * with fewer roles added through the jaas:* commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TokenServiceIT extends GatepassKarafTestSupport {

    private static boolean viewerAdded;

    @Before
    public void addAViewer() {
        if (!viewerAdded) {
            // One session: jaas:realm-manage keeps its pending changes in the session.
            execute("jaas:realm-manage --realm karaf; jaas:user-add viewer1 viewer1-pw;"
                + " jaas:role-add viewer1 viewer; jaas:update");
            viewerAdded = true;
        }
    }

    @Test
    public void theKarafUserActsWithItsRealmRoles() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("svc-admin").enabled(true));

        TokenPair pair = tokens().generate(request("svc-admin", "karaf", "karaf"));
        TokenPrincipal principal = tokens().validate(pair.accessToken()).principal().orElseThrow();

        assertThat(principal.username()).isEqualTo("karaf");
        assertThat(principal.roles()).contains("admin", "manager", "viewer");
    }

    @Test
    public void aUserWithFewerRolesGetsOnlyThoseAndCannotAskForMore() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("svc-viewer").enabled(true));

        TokenPair pair = tokens().generate(request("svc-viewer", "viewer1", "viewer1-pw"));

        assertThat(tokens().validate(pair.accessToken()).principal().orElseThrow().roles()).containsExactly("viewer");
        assertThatThrownBy(() -> tokens().generate(new TokenRequest("svc-viewer", "viewer1",
            "viewer1-pw".toCharArray(), Set.of("admin"), "it")))
            .isInstanceOf(TokenRefusedException.class)
            .hasMessage("User 'viewer1' does not have the role admin; their roles are: viewer.");
    }

    @Test
    public void aWrongRealmPasswordIsRefused() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("svc-wrong").enabled(true));

        assertThatThrownBy(() -> tokens().generate(request("svc-wrong", "viewer1", "not-the-password")))
            .hasMessage("Wrong username or password for user 'viewer1'.");
    }

    @Test
    public void refreshRotatesAndReuseRevokesTheGrant() throws Exception {
        char[] secret = registry().register(io.gatepass.api.NewClientApp.withId("svc-refresh").enabled(true))
            .secret().value();
        TokenPair first = tokens().generate(request("svc-refresh", "viewer1", "viewer1-pw"));

        TokenPair second = tokens().refresh(first.refreshToken(), new ClientCredentials("svc-refresh", secret));

        assertThat(tokens().validate(second.accessToken()).isValid()).isTrue();
        assertThatThrownBy(() -> tokens().refresh(first.refreshToken(), new ClientCredentials("svc-refresh", secret)))
            .isInstanceOf(InvalidGrantException.class)
            .hasMessageStartingWith("The refresh token was already used");
        assertThat(tokens().validate(second.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
    }

    @Test
    public void revocationWorksByTokenGrantAppAndUser() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("svc-revoke").enabled(true));
        TokenPair byToken = tokens().generate(request("svc-revoke", "viewer1", "viewer1-pw"));
        TokenPair byGrant = tokens().generate(request("svc-revoke", "viewer1", "viewer1-pw"));
        TokenPair byApp = tokens().generate(request("svc-revoke", "viewer1", "viewer1-pw"));

        assertThat(tokens().revokeToken(byToken.refreshToken(), "it")).isTrue();
        assertThat(tokens().revokeGrant(byGrant.grantId(), "it")).isTrue();
        assertThat(tokens().revokeApp("svc-revoke", "it")).isEqualTo(1);

        for (TokenPair pair : new TokenPair[] {byToken, byGrant, byApp}) {
            assertThat(tokens().validate(pair.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
        }
        registry().register(io.gatepass.api.NewClientApp.withId("svc-revoke-user").enabled(true));
        tokens().generate(request("svc-revoke-user", "viewer1", "viewer1-pw"));
        assertThat(tokens().revokeUser("viewer1", "it")).isPositive();
    }

    @Test
    public void disablingTheAppSuspendsItsTokensUntilEnabledAndDeletingRevokesThem() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("svc-toggle").enabled(true));
        TokenPair pair = tokens().generate(request("svc-toggle", "viewer1", "viewer1-pw"));

        execute("app:disable svc-toggle");
        assertThat(tokens().validate(pair.accessToken()).reason()).contains(InvalidTokenReason.APP_DISABLED);
        execute("app:enable svc-toggle");
        assertThat(tokens().validate(pair.accessToken()).isValid()).isTrue();
        execute("app:delete --force svc-toggle");

        assertThat(tokens().validate(pair.accessToken()).reason()).contains(InvalidTokenReason.REVOKED);
        org.awaitility.Awaitility.await("the grant of the deleted app is revoked").atMost(PATIENCE)
            .until(() -> tokens().grant(pair.grantId()).orElseThrow().revocation() != null);
    }

    private static TokenRequest request(String app, String user, String password) {
        return new TokenRequest(app, user, password.toCharArray(), Set.of(), "it");
    }
}
