package io.gatepass.api;

import java.util.Arrays;

/**
 * A client secret in clear, as handed out once at registration or rotation. Gatepass keeps only
 * its hash; this object exists so the caller can show it once. {@link #toString()} never shows
 * it.
 */
public final class ClientSecret {

    private final char[] value;

    public ClientSecret(char[] value) {
        this.value = value.clone();
    }

    /** @return a copy of the secret's characters; the caller should wipe it after use */
    public char[] value() {
        return value.clone();
    }

    /** @return the secret as a String, for printing it once */
    public String reveal() {
        return new String(value);
    }

    /** Overwrites the secret in this object. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "ClientSecret[hidden]";
    }
}
