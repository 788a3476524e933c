package io.gatepass.client.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.gatepass.api.StoreException;
import io.gatepass.spi.SecretVault;

/** A vault in a map, whose writes the test can make fail. */
final class MemoryVault implements SecretVault {

    final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    volatile int failingPuts;
    int puts;

    @Override
    public synchronized void put(String name, byte[] secret) {
        if (failingPuts > 0) {
            failingPuts--;
            throw new StoreException("No space left on device (injected).");
        }
        puts++;
        secrets.put(name, secret.clone());
    }

    @Override
    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(secrets.get(name)).map(byte[]::clone);
    }

    @Override
    public boolean remove(String name) {
        return secrets.remove(name) != null;
    }

    @Override
    public Set<String> names(String prefix) {
        return new TreeSet<>(secrets.keySet());
    }

    StoredTokens stored(String connection) {
        return StoredTokens.decode(secrets.get("client/" + connection));
    }
}
