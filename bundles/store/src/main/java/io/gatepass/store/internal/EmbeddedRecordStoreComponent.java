package io.gatepass.store.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@link JournalStore} as the {@link RecordStore} service. If the store does not
 * open (damaged files, folder in use), activation fails and no store service appears, so nothing
 * ever starts over data it could not read.
 */
@Component(
        service = RecordStore.class,
        configurationPid = "io.gatepass.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmbeddedStoreConfig.class)
public final class EmbeddedRecordStoreComponent implements RecordStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRecordStoreComponent.class);

    private final JournalStore store;

    @Activate
    public EmbeddedRecordStoreComponent(BundleContext context, EmbeddedStoreConfig config) {
        Path directory = directory(context.getProperty("karaf.data"), config.directory());
        LOG.debug("Activating the Gatepass embedded store in {}", directory);
        try {
            store = JournalStore.open(directory, new JournalStore.Options(
                    config.compactAfterMegabytes() * 1024L * 1024L));
        } catch (RuntimeException e) {
            LOG.error("The Gatepass embedded store at {} did not open", directory, e);
            throw e;
        }
        Map<String, Integer> counts = store.recordCounts();
        LOG.info("Gatepass embedded store at {} holds {} records{}", store.location(),
                counts.values().stream().mapToInt(Integer::intValue).sum(),
                counts.isEmpty() ? "" : counts.entrySet().stream()
                        .map(count -> count.getKey() + "=" + count.getValue())
                        .collect(Collectors.joining(", ", " (", ")")));
    }

    /** @return the configured folder, resolved against Karaf's data folder (or ./data) */
    static Path directory(String karafData, String configured) {
        Path data = Path.of(karafData == null || karafData.isBlank() ? "data" : karafData);
        if (configured == null || configured.isBlank()) {
            return data.resolve("gatepass");
        }
        return data.resolve(configured.trim());
    }

    @Deactivate
    void deactivate() {
        // Waits for the writes already queued, so that none of them is cut off.
        store.close();
        LOG.debug("Closed the Gatepass embedded store at {}", store.location());
    }

    @Override
    public Optional<byte[]> read(String collection, String key) {
        return store.read(collection, key);
    }

    @Override
    public void forEach(String collection, BiConsumer<String, byte[]> action) {
        store.forEach(collection, action);
    }

    @Override
    public void write(WriteBatch batch) {
        store.write(batch);
    }

    @Override
    public String location() {
        return store.location();
    }
}
