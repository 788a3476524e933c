package io.gatepass.api;

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

    public TokenRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
