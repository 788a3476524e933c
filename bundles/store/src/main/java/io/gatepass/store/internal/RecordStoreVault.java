package io.gatepass.store.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.gatepass.api.InvalidInputException;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.SecretVault;
import io.gatepass.spi.WriteBatch;

/**
 * The {@link SecretVault} on a {@link RecordStore}: each secret is one record of the collection
 * {@code vault}, sealed before it is written, so it is as durable as anything in the store and
 * never in clear on disk.
 */
final class RecordStoreVault implements SecretVault {

    static final String COLLECTION = "vault";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/@-]{1,200}");

    private final RecordStore store;
    private final SealedSecrets sealing;

    RecordStoreVault(RecordStore store, VaultKey key) {
        this.store = store;
        this.sealing = new SealedSecrets(key);
    }

    @Override
    public void put(String name, byte[] secret) {
        checkName(name);
        if (secret == null) {
            throw new InvalidInputException("secret", "The secret to store under '" + name + "' is missing.");
        }
        store.write(new WriteBatch().put(COLLECTION, name, sealing.seal(name, secret)));
    }

    @Override
    public Optional<byte[]> get(String name) {
        checkName(name);
        return store.read(COLLECTION, name).map(sealed -> sealing.open(name, sealed));
    }

    @Override
    public boolean remove(String name) {
        checkName(name);
        if (store.read(COLLECTION, name).isEmpty()) {
            return false;
        }
        store.write(new WriteBatch().delete(COLLECTION, name));
        return true;
    }

    @Override
    public Set<String> names(String prefix) {
        Set<String> names = new TreeSet<>();
        store.forEach(COLLECTION, (name, sealed) -> {
            if (prefix == null || name.startsWith(prefix)) {
                names.add(name);
            }
        });
        return names;
    }

    /** @return how many stored secrets do not open with this vault's key; for the start-up log */
    int unreadable() {
        int[] count = {0};
        store.forEach(COLLECTION, (name, sealed) -> {
            try {
                Arrays.fill(sealing.open(name, sealed), (byte) 0);
            } catch (RuntimeException e) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of("vault name", name,
                "use 1 to 200 letters, digits and . _ : / @ -");
        }
    }
}
