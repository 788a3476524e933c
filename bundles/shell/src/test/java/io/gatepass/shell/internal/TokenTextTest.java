package io.gatepass.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.util.Set;

import javax.security.auth.Subject;

import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenPair;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

class TokenTextTest {

    private static final String ACCESS = "gpat_" + "a".repeat(49);
    private static final String REFRESH = "gprt_" + "r".repeat(49);

    @Test
    void rolesAreSplitAtCommasAndTrimmedInTheOrderGiven() {
        assertThat(TokenText.parseRoles(" viewer , admin,manager"))
            .containsExactly("viewer", "admin", "manager");
    }

    @Test
    void anEmptyRoleBetweenCommasIsRejectedWithTheRule() {
        assertThatThrownBy(() -> TokenText.parseRoles("admin,,viewer"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid roles 'admin,,viewer': give role names separated by commas,"
                + " e.g. admin,viewer.");
    }

    @Test
    void aTrailingCommaAndABlankListAreEmptyRolesToo() {
        assertThatThrownBy(() -> TokenText.parseRoles("admin,"))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TokenText.parseRoles(" "))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRefreshTokenWithoutExpiryIsShownAsNeverUnlessIdle() {
        TokenPair pair = new TokenPair(ACCESS, REFRESH, Instant.parse("2030-01-02T03:04:05Z"), null,
            "g-1", "sdx", "bob", Set.of("viewer", "admin"));

        String printed = print(pair);

        assertThat(printed).isEqualTo(String.join(System.lineSeparator(),
            "Grant:         g-1",
            "App:           sdx",
            "User:          bob",
            "Roles:         admin, viewer",
            "Access token:  " + ACCESS,
            "  expires 2030-01-02 03:04:05Z",
            "Refresh token: " + REFRESH,
            "  expires never (unless unused for the idle timeout)",
            "These tokens will not be shown again: copy them now into the app's secure storage.",
            ""));
    }

    @Test
    void aStatusIsLowerCaseWithHyphens() {
        assertThat(TokenText.status(GrantStatus.ACCESS_EXPIRED)).isEqualTo("access-expired");
        assertThat(TokenText.status(GrantStatus.APP_DISABLED)).isEqualTo("app-disabled");
    }

    @Test
    void tokensAndSecretsAreNeverRepeatedInAMessage() {
        assertThat(TokenText.shown(ACCESS)).isEqualTo("<token>");
        assertThat(TokenText.shown(REFRESH)).isEqualTo("<token>");
        assertThat(TokenText.shown("gpcs_" + "s".repeat(49))).isEqualTo("<secret>");
        assertThat(TokenText.shown("--force")).isEqualTo("--force");
    }

    @Test
    void theSourceNamesTheLoggedInKarafUser() {
        Subject karaf = new Subject(false, Set.of(new UserPrincipal("karaf")), Set.of(), Set.of());

        String source = Subject.doAs(karaf, (PrivilegedAction<String>) TokenText::source);

        assertThat(source).isEqualTo("shell:karaf");
        assertThat(TokenText.source()).isEqualTo("shell");
    }

    private static String print(TokenPair pair) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TokenText.printPair(new PrintStream(bytes, true, StandardCharsets.UTF_8), pair);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
