package io.gatepass.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.GatepassException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.api.UnknownClientAppException;

import org.junit.jupiter.api.Test;

class ConsoleErrorsTest {

    @Test
    void aRuleBrokenInTheRegistryIsShownNextToTheFieldItNames() {
        InvalidInputException invalid = InvalidInputException.of("access-ttl", "2s", "use 5s to 24h");

        Reply reply = ConsoleErrors.reply(invalid);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).containsEntry("error", "invalid_input")
            .containsEntry("message", "Invalid access-ttl '2s': use 5s to 24h.")
            .containsEntry("field", "access-ttl");
    }

    @Test
    void anUnknownOrTakenIdIsShownNextToTheId() {
        Reply unknown = ConsoleErrors.reply(new UnknownClientAppException("nope", List.of("sync")));
        Reply taken =
            ConsoleErrors.reply(new ClientAppConflictException("Client app 'sync' exists already."));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).containsEntry("field", "id")
            .containsEntry("message", "No client app named 'nope'. Known apps: sync.");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).containsEntry("field", "id").containsEntry("error", "conflict");
    }

    @Test
    void eachRefusedTokenRequestIsShownNextToTheFieldOfItsRefusal() {
        assertRefusal(Refusal.BAD_CREDENTIALS, 422, "password");
        assertRefusal(Refusal.LOCKED_OUT, 429, "username");
        assertRefusal(Refusal.ROLE_NOT_HELD, 422, "roles");
        assertRefusal(Refusal.APP_DISABLED, 409, "appId");
        assertRefusal(Refusal.APP_UNKNOWN, 404, "appId");
    }

    @Test
    void aStoreFailureIsAServerErrorWithItsMessageForTheWholeForm() {
        StoreException failure = new StoreException("Could not write /data/gatepass/journal-1.gpj.");

        Reply reply = ConsoleErrors.reply(failure);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).containsEntry("field", null)
            .containsEntry("message", "Could not write /data/gatepass/journal-1.gpj.");
    }

    @Test
    void anyOtherGatepassRefusalKeepsItsMessage() {
        Reply reply = ConsoleErrors.reply(new GatepassException("Not now."));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).containsEntry("message", "Not now.").containsEntry("error", "refused");
    }

    @Test
    void anUnexpectedFailureIsAServerErrorThatDoesNotRepeatItsMessage() {
        Reply reply = ConsoleErrors.reply(new IllegalStateException("internal detail gpat_abc"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().get("message").toString())
            .isEqualTo("The console could not do that (IllegalStateException); the server log has"
                + " the details.")
            .doesNotContain("gpat_abc");
    }

    @Test
    void aRequestWithoutTheCsrfTokenIsForbidden() {
        Reply reply = ConsoleErrors.csrfRejected();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).containsEntry("error", "csrf_token_invalid")
            .containsEntry("message", "This request lacks the security token of the page: reload the"
                + " page and try again. Nothing was changed.");
    }

    private static void assertRefusal(Refusal refusal, int status, String field) {
        Reply reply = ConsoleErrors.reply(new TokenRefusedException(refusal, "Refused: " + refusal + "."));

        assertThat(reply.status()).as(refusal.name()).isEqualTo(status);
        assertThat(reply.body()).as(refusal.name()).containsEntry("field", field)
            .containsEntry("message", "Refused: " + refusal + ".")
            .containsEntry("error", refusal.name().toLowerCase(Locale.ROOT));
    }
}
