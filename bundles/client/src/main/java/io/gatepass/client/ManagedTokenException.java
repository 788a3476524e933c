package io.gatepass.client;

import io.gatepass.api.GatepassException;

/** A {@link ManagedToken} cannot give an access token now; the message says why and what to do. */
public abstract class ManagedTokenException extends GatepassException {

    private static final long serialVersionUID = 1L;

    private final String connection;

    protected ManagedTokenException(String connection, String message) {
        super(message);
        this.connection = connection;
    }

    /** @return the name of the connection */
    public String connection() {
        return connection;
    }
}
