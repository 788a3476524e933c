package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatepass.api.ClientApp;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The app:* commands, end to end in the distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT extends GatepassKarafTestSupport {

    private static final Pattern SECRET = Pattern.compile("gpcs_[A-Za-z0-9_-]{49}");

    @Test
    public void registerPrintsTheSecretOnceAndTheAppStartsDisabled() throws Exception {
        String output = execute("app:register --name \"SDX Production\" --description \"Sync agent\" sdx-prod");

        Matcher secret = SECRET.matcher(output);
        assertThat(secret.find()).as(output).isTrue();
        assertThat(output).contains("Registered client app 'sdx-prod' (confidential, disabled).")
            .contains("This secret will not be shown again")
            .contains("Enable it with: app:enable sdx-prod");
        assertThat(registry().authenticate("sdx-prod", secret.group().toCharArray())).isTrue();
        assertThat(execute("app:info sdx-prod")).contains("SDX Production").contains("Sync agent")
            .doesNotContain(secret.group());
    }

    @Test
    public void listShowsEveryAppAndPlainOutputForScripts() {
        execute("app:register --enable list-a");
        execute("app:register --public list-b");

        String table = execute("app:list");
        String plain = execute("app:list --no-format");

        assertThat(table).contains("list-a").contains("list-b").contains("Last used");
        assertThat(plain).containsPattern("list-a\\s+list-a\\s+confidential\\s+yes")
            .containsPattern("list-b\\s+list-b\\s+public\\s+no");
    }

    @Test
    public void enableDisableAndUpdateChangeTheApp() throws Exception {
        execute("app:register toggled");

        execute("app:enable toggled");
        assertThat(registry().get("toggled").enabled()).isTrue();
        execute("app:disable toggled");
        assertThat(registry().get("toggled").enabled()).isFalse();
        String updated = execute("app:update --name Toggled --access-ttl 15m --refresh-ttl 30d toggled");

        ClientApp app = registry().get("toggled");
        assertThat(updated).contains("access-token TTL 15m, refresh-token TTL 30d");
        assertThat(app.name()).isEqualTo("Toggled");
        assertThat(app.accessTokenLifetime()).hasMinutes(15);
    }

    @Test
    public void rotateSecretPrintsANewSecretAndKeepsTheOldOneWhenAsked() throws Exception {
        Matcher first = SECRET.matcher(execute("app:register rotating"));
        assertThat(first.find()).isTrue();

        String output = execute("app:rotate-secret --keep-old 1h rotating");

        Matcher second = SECRET.matcher(output);
        assertThat(second.find()).isTrue();
        assertThat(output).contains("The previous secret keeps working until");
        assertThat(registry().authenticate("rotating", first.group().toCharArray())).isTrue();
        assertThat(registry().authenticate("rotating", second.group().toCharArray())).isTrue();
    }

    @Test
    public void deleteWithForceRemovesTheAppAndReservesItsId() throws Exception {
        execute("app:register doomed");

        execute("app:delete --force doomed");

        assertThat(registry().find("doomed")).isEmpty();
        assertThatThrownBy(() -> execute("app:register doomed"))
            .hasMessageStartingWith("The id 'doomed' belonged to a client app deleted on");
        assertThat(execute("app:register --reuse-deleted-id doomed")).contains("Registered client app 'doomed'");
    }

    @Test
    public void deleteWithoutForceAndWithoutYesKeepsTheApp() throws Exception {
        execute("app:register kept");

        assertThatThrownBy(() -> execute("app:delete kept", "no\n"))
            .hasMessage("Client app 'kept' was not deleted: answer 'yes' to confirm, or pass --force.");

        assertThat(registry().find("kept")).isPresent();
    }

    @Test
    public void anUnknownAppIsOneClearSentence() {
        execute("app:register known-one");

        assertThatThrownBy(() -> execute("app:enable sdx-nope"))
            .hasMessageStartingWith("No client app named 'sdx-nope'. Known apps: ")
            .hasMessageContaining("known-one");
    }

    @Test
    public void aBadIdIsRejectedWithTheRule() {
        assertThatThrownBy(() -> execute("app:register Bad_Id"))
            .hasMessage("Invalid id 'Bad_Id': use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.");
    }

    @Test
    public void aBadDurationIsRejectedNamingTheOption() {
        execute("app:register timed");

        assertThatThrownBy(() -> execute("app:update --access-ttl 1week timed"))
            .hasMessage("Invalid access-ttl '1week': use a whole number and a unit: s, m, h or d,"
                + " e.g. 90s, 15m, 1h, 30d.");
    }

    @Test
    public void anOptionAfterTheIdIsExplained() {
        assertThatThrownBy(() -> execute("app:register late-options --name Late"))
            .hasMessage("Unexpected '--name Late' after the id: in Karaf, options go before the"
                + " arguments, e.g. app:register --name Late late-options.");
    }
}
