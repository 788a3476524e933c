package io.gatepass.client;

/**
 * The access token has expired and the server could not be reached to refresh it. The connection
 * keeps retrying with backoff; a later call may succeed.
 */
public class TokenUnavailableException extends ManagedTokenException {

    private static final long serialVersionUID = 1L;

    public TokenUnavailableException(String connection, String message) {
        super(connection, message);
    }
}
