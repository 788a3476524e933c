package io.gatepass.registry.internal;

import io.gatepass.api.ClientSecret;
import io.gatepass.registry.internal.StoredClientApp.SecretHash;
import io.gatepass.spi.PrefixedSecret;

/** Client secrets: {@code gpcs_} followed by 256 random bits and a checksum; stored as hashes. */
final class ClientSecrets {

    static final String PREFIX = "gpcs_";
    private static final int SALT_BYTES = 16;

    private ClientSecrets() {
    }

    /** A new secret and its hash; the caller shows the secret once and stores the hash. */
    record Issued(ClientSecret secret, SecretHash hash) {
    }

    static Issued issue() {
        char[] value = PrefixedSecret.generate(PREFIX);
        byte[] salt = PrefixedSecret.randomBytes(SALT_BYTES);
        SecretHash hash = new SecretHash(salt, PrefixedSecret.hash(salt, value), null);
        ClientSecret secret = new ClientSecret(value);
        java.util.Arrays.fill(value, '\0');
        return new Issued(secret, hash);
    }

    /** Checks the presented secret against a stored hash in constant time. */
    static boolean matches(SecretHash stored, char[] presented) {
        return stored != null && PrefixedSecret.matches(stored.salt(), stored.hash(), presented);
    }
}
