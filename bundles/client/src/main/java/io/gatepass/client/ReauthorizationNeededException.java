package io.gatepass.client;

/**
 * The connection has no tokens, or the server refused them for good. Retrying does not help: an
 * administrator must generate new tokens for the app and import them with
 * {@code gatepass-client:import}.
 */
public class ReauthorizationNeededException extends ManagedTokenException {

    private static final long serialVersionUID = 1L;

    public ReauthorizationNeededException(String connection, String message) {
        super(connection, message);
    }
}
