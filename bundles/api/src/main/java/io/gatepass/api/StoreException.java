package io.gatepass.api;

/**
 * The store could not read or durably write. A write that throws this did not happen: nothing
 * of it is visible afterwards, in memory or after a restart.
 */
public class StoreException extends GatepassException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
