package io.gatepass.api;

import java.util.Optional;

/**
 * The answer to {@link TokenService#validate}: the principal of a valid token, or why it is not
 * valid. Answers for invalid tokens are shared constants, so rejecting allocates nothing.
 */
public final class TokenValidation {

    private static final TokenValidation[] INVALID = new TokenValidation[InvalidTokenReason.values().length];

    static {
        for (InvalidTokenReason reason : InvalidTokenReason.values()) {
            INVALID[reason.ordinal()] = new TokenValidation(null, reason);
        }
    }

    private final TokenPrincipal principal;
    private final InvalidTokenReason reason;

    private TokenValidation(TokenPrincipal principal, InvalidTokenReason reason) {
        this.principal = principal;
        this.reason = reason;
    }

    /** @return the answer for a valid token acting as this principal */
    public static TokenValidation valid(TokenPrincipal principal) {
        return new TokenValidation(principal, null);
    }

    /** @return the shared answer for a token rejected for this reason */
    public static TokenValidation invalid(InvalidTokenReason reason) {
        return INVALID[reason.ordinal()];
    }

    public boolean isValid() {
        return principal != null;
    }

    /** @return the principal, empty when the token is not valid */
    public Optional<TokenPrincipal> principal() {
        return Optional.ofNullable(principal);
    }

    /** @return why the token is not valid, empty when it is */
    public Optional<InvalidTokenReason> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return isValid() ? "TokenValidation[valid, " + principal + "]" : "TokenValidation[" + reason + "]";
    }
}
