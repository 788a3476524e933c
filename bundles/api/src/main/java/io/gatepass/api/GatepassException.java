package io.gatepass.api;

/**
 * The root of every exception Gatepass throws on purpose. Its message is one sentence meant for
 * the person at the other end (an administrator in the shell, a connector author reading an
 * error response) and never holds a secret, a token or a password.
 */
public class GatepassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GatepassException(String message) {
        super(message);
    }

    public GatepassException(String message, Throwable cause) {
        super(message, cause);
    }
}
