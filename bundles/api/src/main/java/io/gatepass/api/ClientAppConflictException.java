package io.gatepass.api;

/** The request clashes with an app that exists or existed, e.g. an id already taken. */
public class ClientAppConflictException extends GatepassException {

    private static final long serialVersionUID = 1L;

    public ClientAppConflictException(String message) {
        super(message);
    }
}
