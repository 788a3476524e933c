package io.gatepass.webconsole.internal;

import java.util.Locale;

import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.GatepassException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.UnknownClientAppException;

/**
 * Turns what Gatepass refused into an answer the page shows next to the field concerned. The
 * messages of Gatepass exceptions are written for people and hold no secret, so they are shown
 * as they are; anything else is our own failure and is shown without its message.
 */
final class ConsoleErrors {

    static final String CSRF_MESSAGE = "This request lacks the security token of the page:"
        + " reload the page and try again. Nothing was changed.";

    private ConsoleErrors() {
    }

    /** @return the answer for a request that Gatepass refused, or that failed */
    static Reply reply(RuntimeException failure) {
        if (failure instanceof InvalidInputException invalid) {
            return Reply.error(400, "invalid_input", invalid.getMessage(), invalid.field());
        }
        if (failure instanceof UnknownClientAppException unknown) {
            return Reply.error(404, "unknown_app", unknown.getMessage(), "id");
        }
        if (failure instanceof ClientAppConflictException conflict) {
            return Reply.error(409, "conflict", conflict.getMessage(), "id");
        }
        if (failure instanceof TokenRefusedException refused) {
            return refusal(refused);
        }
        if (failure instanceof StoreException store) {
            return Reply.error(503, "store_unavailable", store.getMessage(), null);
        }
        if (failure instanceof GatepassException refused) {
            return Reply.error(400, "refused", refused.getMessage(), null);
        }
        return Reply.error(500, "internal_error", "The console could not do that ("
            + failure.getClass().getSimpleName() + "); the server log has the details.", null);
    }

    /** @return the answer to a state-changing request without the session's CSRF token */
    static Reply csrfRejected() {
        return Reply.error(403, "csrf_token_invalid", CSRF_MESSAGE, null);
    }

    private static Reply refusal(TokenRefusedException refused) {
        TokenRefusedException.Refusal why = refused.refusal();
        int status = switch (why) {
            case APP_UNKNOWN -> 404;
            case APP_DISABLED -> 409;
            case LOCKED_OUT -> 429;
            case BAD_CREDENTIALS, ROLE_NOT_HELD -> 422;
        };
        String code = why.name().toLowerCase(Locale.ROOT);
        return Reply.error(status, code, refused.getMessage(), why.field());
    }
}
