package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatepass.api.GrantQuery;
import io.gatepass.api.TokenService;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The token:* commands, end to end in the distribution, for its real user karaf/karaf. Each test
 * uses apps of its own. The sessions are headless, like a script: nothing can be typed at a
 * prompt, so passwords come from --password and bulk revocations need --force.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TokenCommandsIT extends GatepassKarafTestSupport {

    private static final Pattern ACCESS = Pattern.compile("gpat_[A-Za-z0-9_-]{49}");
    private static final Pattern REFRESH = Pattern.compile("gprt_[A-Za-z0-9_-]{49}");
    private static final Pattern GRANT = Pattern.compile("Grant:\\s+(\\S+)");

    @Before
    public void waitForTheTokenService() throws InterruptedException {
        tokens();
    }

    @Test
    public void generatePrintsBothTokensOnceForTheDistributionsUser() throws Exception {
        execute("app:register --enable gen-app");

        String output = execute("token:generate --password karaf gen-app karaf");

        assertThat(ACCESS.matcher(output).find()).as(output).isTrue();
        assertThat(REFRESH.matcher(output).find()).as(output).isTrue();
        assertThat(output).contains("App:           gen-app")
            .contains("User:          karaf")
            .contains("These tokens will not be shown again: copy them now into the app's"
                + " secure storage.");
        assertThat(tokens().grants(GrantQuery.live().app("gen-app"))).hasSize(1);
    }

    @Test
    public void listShowsTheNewGrantAsActive() throws Exception {
        Generated generated = generate("list-app");

        String table = execute("token:list --app list-app --no-format");

        assertThat(table).containsPattern(Pattern.quote(generated.grantId())
            + "\\s+list-app\\s+karaf\\s.*\\sactive");
        assertThat(table).doesNotContain(generated.accessToken())
            .doesNotContain(generated.refreshToken());
    }

    @Test
    public void inspectSaysAFreshAccessTokenIsActiveWithoutPrintingIt() throws Exception {
        Generated generated = generate("inspect-app");

        String output = execute("token:inspect " + generated.accessToken());

        assertThat(output).contains("Kind:            access")
            .contains("Active:          yes")
            .contains("Grant:           " + generated.grantId())
            .contains("Status:          active")
            .doesNotContain(generated.accessToken());
    }

    @Test
    public void revokingAGrantByIdMakesItsAccessTokenRevoked() throws Exception {
        Generated generated = generate("revoke-app");

        String revoked = execute("token:revoke " + generated.grantId());
        String inspected = execute("token:inspect " + generated.accessToken());

        assertThat(revoked)
            .contains("Revoked grant " + generated.grantId() + " (app revoke-app, user karaf).");
        assertThat(inspected).contains("Active:          no")
            .contains("Reason:          the token has been revoked")
            .contains("Status:          revoked");
    }

    @Test
    public void revokingByRefreshTokenRevokesItsGrantWithoutPrintingTheToken() throws Exception {
        Generated generated = generate("revoke-token-app");

        String revoked = execute("token:revoke " + generated.refreshToken());

        assertThat(revoked).contains("Revoked grant " + generated.grantId()
            + " (app revoke-token-app, user karaf).").doesNotContain(generated.refreshToken());
        assertThat(tokens().grants(GrantQuery.live().app("revoke-token-app"))).isEmpty();
    }

    @Test
    public void revokingAnUnknownGrantIdIsOneClearSentence() {
        assertThatThrownBy(() -> execute("token:revoke no-such-grant"))
            .hasMessage("No live grant with id 'no-such-grant'.");
    }

    @Test
    public void revokeAppWithForceCountsTheGrantsItRevoked() throws Exception {
        generate("bulk-app");
        generate("bulk-app");

        String output = execute("token:revoke --app bulk-app --force");

        assertThat(output).contains("Revoked 2 grants of app 'bulk-app'.");
        assertThat(tokens().grants(GrantQuery.live().app("bulk-app"))).isEmpty();
    }

    @Test
    public void revokeUserWithForceCountsEveryLiveGrantOfTheUser() throws Exception {
        generate("user-app");
        generate("user-app");
        int live = tokens().grants(GrantQuery.live().user("karaf")).size();

        String output = execute("token:revoke --user karaf --force");

        assertThat(live).isGreaterThanOrEqualTo(2);
        assertThat(output).contains("Revoked " + live + " grants of user 'karaf'.");
        assertThat(tokens().grants(GrantQuery.live().user("karaf"))).isEmpty();
    }

    @Test
    public void revokeAppWithoutForceInAScriptRevokesNothing() throws Exception {
        generate("careful-app");

        assertThatThrownBy(() -> execute("token:revoke --app careful-app", "yes\n"))
            .hasMessage("The grants of app 'careful-app' were not revoked: answer 'yes' to"
                + " confirm, or pass --force.");

        assertThat(tokens().grants(GrantQuery.live().app("careful-app"))).hasSize(1);
    }

    @Test
    public void revokeWithNothingToRevokeSaysWhatToGive() {
        assertThatThrownBy(() -> execute("token:revoke --force"))
            .hasMessage("Say what to revoke with exactly one of: a grant id or token, --app <id>,"
                + " --user <name>, or --all.");
    }

    @Test
    public void anOptionAfterATokenIsExplainedWithoutRepeatingTheToken() throws Exception {
        Generated generated = generate("late-option-app");

        assertThatThrownBy(() -> execute("token:revoke " + generated.accessToken() + " --force"))
            .hasMessage("Unexpected '--force' after the grant id or token: in Karaf, options go"
                + " before the arguments, e.g. token:revoke --force <token>.");
    }

    @Test
    public void aWrongPasswordIsRefusedAndNeverRepeated() throws Exception {
        execute("app:register --enable wrong-password-app");

        Throwable refused = catchThrowable(
            () -> execute("token:generate --password not-karafs wrong-password-app karaf"));

        assertThat(refused).hasMessage("Wrong username or password for user 'karaf'.");
        assertThat(((CommandFailure) refused).output()).doesNotContain("not-karafs");
        assertThat(tokens().grants(GrantQuery.live().app("wrong-password-app").includingEnded()))
            .isEmpty();
    }

    @Test
    public void aDisabledAppGetsNoTokens() {
        execute("app:register disabled-app");

        assertThatThrownBy(() -> execute("token:generate --password karaf disabled-app karaf"))
            .hasMessage("Client app 'disabled-app' is disabled; enable it with app:enable"
                + " disabled-app before generating tokens.");
    }

    @Test
    public void generateWithoutPasswordInAScriptIsRefused() {
        execute("app:register --enable headless-app");

        assertThatThrownBy(() -> execute("token:generate headless-app karaf", "karaf\n"))
            .hasMessage("This session cannot ask for the password: run token:generate in a"
                + " terminal, or give --password in a script.");
    }

    @Test
    public void aBadRolesListIsRejectedWithTheRule() {
        assertThatThrownBy(() -> execute(
            "token:generate --roles admin,,viewer --password karaf roles-app karaf"))
            .hasMessage("Invalid roles 'admin,,viewer': give role names separated by commas,"
                + " e.g. admin,viewer.");
    }

    @Test
    public void auditShowsTheIssuedAndRevokedGrant() throws Exception {
        Generated generated = generate("audit-app");
        execute("token:revoke " + generated.grantId());

        String audit = execute("token:audit --app audit-app --no-format");

        String grant = Pattern.quote(generated.grantId());
        assertThat(audit).containsPattern("ISSUED\\s+audit-app\\s+karaf\\s+" + grant)
            .containsPattern("REVOKED\\s+audit-app\\s+karaf\\s+" + grant)
            .doesNotContain(generated.accessToken())
            .doesNotContain(generated.refreshToken());
    }

    @Test
    public void unlockingAUserThatWasNeverLockedOutSaysSo() {
        String output = execute("token:unlock never-locked");

        assertThat(output).contains("User 'never-locked' was not locked out.");
    }

    /** Registers an enabled app if needed and generates a pair for karaf/karaf. */
    private Generated generate(String app) throws InterruptedException {
        if (registry().find(app).isEmpty()) {
            execute("app:register --enable " + app);
        }
        String output = execute("token:generate --password karaf " + app + " karaf");
        Matcher grant = GRANT.matcher(output);
        Matcher access = ACCESS.matcher(output);
        Matcher refresh = REFRESH.matcher(output);
        assertThat(grant.find() && access.find() && refresh.find()).as(output).isTrue();
        return new Generated(grant.group(1), access.group(), refresh.group());
    }

    private record Generated(String grantId, String accessToken, String refreshToken) {
    }
}
