package io.gatepass.store.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import io.gatepass.spi.VaultException;

/**
 * Seals and opens the vault's secrets with AES-256-GCM. A sealed secret is a format version, the
 * id of the key, a fresh 96-bit random nonce and the ciphertext with its 128-bit tag. The
 * secret's name is authenticated with it, so a sealed value copied under another name does not
 * open either.
 */
final class SealedSecrets {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + VaultKey.ID_BYTES + NONCE_BYTES;

    private final VaultKey key;
    private final byte[] keyId;
    private final SecureRandom random = new SecureRandom();

    SealedSecrets(VaultKey key) {
        this.key = key;
        this.keyId = key.id();
    }

    byte[] seal(String name, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(name));
            ByteBuffer sealed = ByteBuffer.allocate(HEADER_BYTES + cipher.getOutputSize(secret.length));
            sealed.put(VERSION).put(keyId).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(secret), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java", e);
        }
    }

    byte[] open(String name, byte[] sealed) {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new VaultException(name, "The vault secret '" + name + "' is damaged: it is not a sealed secret"
                + " of a format this Gatepass knows. Store it again.");
        }
        byte[] id = new byte[VaultKey.ID_BYTES];
        System.arraycopy(sealed, 1, id, 0, id.length);
        if (!MessageDigest.isEqual(id, keyId)) {
            throw new VaultException(name, "The vault secret '" + name + "' was sealed with another vault key (key id "
                + java.util.HexFormat.of().formatHex(id) + ", this vault's key is " + key.idText() + "): restore"
                + " that key file, or store the secret again.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(),
                new GCMParameterSpec(TAG_BITS, sealed, 1 + VaultKey.ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(associatedData(name));
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException altered) {
            throw new VaultException(name, "The vault secret '" + name + "' has been altered or damaged since it was"
                + " sealed: it was not opened. Store it again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java", e);
        }
    }

    private static byte[] associatedData(String name) {
        return ("gatepass-vault:" + name).getBytes(StandardCharsets.UTF_8);
    }
}
