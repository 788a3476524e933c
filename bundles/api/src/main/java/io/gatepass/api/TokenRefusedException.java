package io.gatepass.api;

import java.time.Instant;
import java.util.Optional;

/** A token pair was not generated; {@link #refusal()} says why and which field is concerned. */
public class TokenRefusedException extends GatepassException {

    private static final long serialVersionUID = 1L;

    /** Why a generation was refused, and the field of the request it concerns. */
    public enum Refusal {
        APP_UNKNOWN("appId"),
        APP_DISABLED("appId"),
        BAD_CREDENTIALS("password"),
        LOCKED_OUT("username"),
        ROLE_NOT_HELD("roles");

        private final String field;

        Refusal(String field) {
            this.field = field;
        }

        /** @return the request field to show the error next to */
        public String field() {
            return field;
        }
    }

    private final Refusal refusal;
    private final transient Instant retryAfter;

    public TokenRefusedException(Refusal refusal, String message) {
        this(refusal, message, null);
    }

    /** @param retryAfter when a request may succeed again, for {@code LOCKED_OUT}; may be null */
    public TokenRefusedException(Refusal refusal, String message, Instant retryAfter) {
        super(message);
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** @return when the lockout ends, for {@code LOCKED_OUT}; empty for the other refusals */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
