package io.gatepass.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of {@link SecretVaultComponent}, PID {@code io.gatepass.vault}. */
@ObjectClassDefinition(
        name = "Gatepass secret vault",
        description = "Secrets that must be read back (a connector's refresh token) are sealed with "
                + "AES-256-GCM and kept in the store; the key lives in a file of its own.")
public @interface SecretVaultConfig {

    @AttributeDefinition(
            name = "Key file",
            description = "The file with the vault's AES-256 key, created with owner-only permissions "
                    + "on first start. Empty means ${karaf.data}/gatepass-keys/vault.key; a relative "
                    + "path is taken relative to ${karaf.data}. Back it up apart from the store: "
                    + "without it the sealed secrets cannot be opened.")
    String keyFile() default "";
}
