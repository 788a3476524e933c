package io.gatepass.api;

/**
 * A refresh token was not accepted (RFC 6749 {@code invalid_grant}): malformed, unknown,
 * expired, revoked, reused, of another app, or its app or user is gone or disabled.
 */
public class InvalidGrantException extends GatepassException {

    private static final long serialVersionUID = 1L;

    public InvalidGrantException(String message) {
        super(message);
    }
}
