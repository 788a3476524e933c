package io.gatepass.spi;

import io.gatepass.api.GatepassException;

/**
 * A secret in the {@link SecretVault} that cannot be opened: sealed under another key (the key
 * file was replaced or lost) or altered after it was written. The message names the secret, never
 * shows it.
 */
public class VaultException extends GatepassException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public VaultException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** @return the name of the secret that could not be opened */
    public String name() {
        return name;
    }
}
