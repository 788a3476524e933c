package io.gatepass.store.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.gatepass.spi.RecordStore;
import io.gatepass.spi.SecretVault;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@link SecretVault} on whichever {@link RecordStore} is there. If the key file
 * cannot be read or created, activation fails with a message naming it, and no vault appears.
 */
@Component(
        service = SecretVault.class,
        configurationPid = "io.gatepass.vault",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecretVaultConfig.class)
public final class SecretVaultComponent implements SecretVault {

    private static final Logger LOG = LoggerFactory.getLogger(SecretVaultComponent.class);

    private final RecordStoreVault vault;

    @Activate
    public SecretVaultComponent(BundleContext context, SecretVaultConfig config,
                                @Reference(name = "store") RecordStore store) {
        Path keyFile = keyFile(context.getProperty("karaf.data"), config.keyFile());
        VaultKey key;
        try {
            key = VaultKey.openOrCreate(keyFile);
            if (VaultKey.othersMayRead(keyFile)) {
                LOG.warn("The Gatepass vault key file {} is readable by others than its owner: chmod 600 it",
                    keyFile);
            }
        } catch (RuntimeException e) {
            LOG.error("The Gatepass secret vault did not start: {}", e.getMessage());
            throw e;
        }
        vault = new RecordStoreVault(store, key);
        int secrets = vault.names("").size();
        int unreadable = vault.unreadable();
        if (unreadable > 0) {
            LOG.warn("{} of the {} secrets in the Gatepass vault were sealed with another key than the one in {}"
                + " (key id {}) or are damaged: restore the key file, or store them again", unreadable, secrets,
                keyFile, key.idText());
        }
        LOG.info("Gatepass secret vault holds {} secrets, key {} {} (key id {})", secrets, keyFile,
            key.created() ? "created" : "read", key.idText());
    }

    /** @return the configured key file, resolved against Karaf's data folder (or ./data) */
    static Path keyFile(String karafData, String configured) {
        Path data = Path.of(karafData == null || karafData.isBlank() ? "data" : karafData);
        if (configured == null || configured.isBlank()) {
            return data.resolve("gatepass-keys").resolve("vault.key");
        }
        return data.resolve(configured.trim());
    }

    @Override
    public void put(String name, byte[] secret) {
        vault.put(name, secret);
    }

    @Override
    public Optional<byte[]> get(String name) {
        return vault.get(name);
    }

    @Override
    public boolean remove(String name) {
        return vault.remove(name);
    }

    @Override
    public Set<String> names(String prefix) {
        return vault.names(prefix);
    }
}
