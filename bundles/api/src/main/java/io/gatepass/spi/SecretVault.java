package io.gatepass.spi;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Secrets that must be read back, such as a connector's refresh token, sealed with AES-256-GCM
 * under a key the store bundle keeps outside the store, and written as durably as any record.
 * A secret sealed under another key, or altered after it was written, is reported as such and
 * never decrypted to garbage.
 *
 * <p>Names are plain text, visible to whoever reads the store files; never put a secret in one.
 */
@ProviderType
public interface SecretVault {

    /**
     * Seals the secret under the name, replacing what was there, and returns once it is durable.
     * The caller may wipe its array afterwards.
     *
     * @param name what the secret is, e.g. {@code client/crm/tokens}: 1 to 200 printable characters
     * @throws io.gatepass.api.InvalidInputException if the name is not acceptable
     * @throws io.gatepass.api.StoreException if it could not be made durable; then nothing changed
     */
    void put(String name, byte[] secret);

    /**
     * @return a fresh copy of the secret (wipe it after use), empty if none is stored under the name
     * @throws VaultException if it was sealed under another key or has been altered
     */
    Optional<byte[]> get(String name);

    /**
     * Removes the secret, durably; removing a missing name is no error.
     *
     * @return whether there was one
     */
    boolean remove(String name);

    /** @return the names of the stored secrets that start with the prefix */
    Set<String> names(String prefix);
}
