package io.gatepass.api;

/** A client app did not authenticate (RFC 6749 {@code invalid_client}). */
public class InvalidClientException extends GatepassException {

    private static final long serialVersionUID = 1L;

    public InvalidClientException(String message) {
        super(message);
    }
}
