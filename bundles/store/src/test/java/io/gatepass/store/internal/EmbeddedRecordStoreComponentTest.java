package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class EmbeddedRecordStoreComponentTest {

    @TempDir
    Path karafData;

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "karaf.data".equals(args[0])) {
                        return karafData.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** @return the configuration with its annotation defaults, overridden by the values given */
    private static EmbeddedStoreConfig config(Map<String, Object> values) {
        return (EmbeddedStoreConfig) Proxy.newProxyInstance(
                EmbeddedStoreConfig.class.getClassLoader(),
                new Class<?>[] {EmbeddedStoreConfig.class}, (proxy, method, args) ->
                        values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void byDefaultTheStoreLivesInTheGatepassFolderOfKarafData() {
        EmbeddedRecordStoreComponent component =
                new EmbeddedRecordStoreComponent(context(), config(Map.of()));
        try {
            component.write(new WriteBatch().put("apps", "a", bytes("one")));

            assertThat(component.location()).isEqualTo(karafData.resolve("gatepass").toString());
            assertThat(component.read("apps", "a")).isPresent();
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aRecordWrittenBeforeDeactivationIsThereAfterTheNextActivation() {
        EmbeddedRecordStoreComponent first =
                new EmbeddedRecordStoreComponent(context(), config(Map.of()));
        first.write(new WriteBatch().put("apps", "a", bytes("one")));
        first.deactivate();

        EmbeddedRecordStoreComponent second =
                new EmbeddedRecordStoreComponent(context(), config(Map.of()));
        try {
            assertThat(second.read("apps", "a")).isPresent();
        } finally {
            second.deactivate();
        }
    }

    @Test
    void aRelativeFolderIsTakenRelativeToKarafDataAndAnAbsoluteOneAsItIs() {
        assertThat(EmbeddedRecordStoreComponent.directory("/opt/karaf/data", "stores/gp"))
                .isEqualTo(Path.of("/opt/karaf/data/stores/gp"));
        assertThat(EmbeddedRecordStoreComponent.directory("/opt/karaf/data", "/var/lib/gp"))
                .isEqualTo(Path.of("/var/lib/gp"));
    }

    @Test
    void withoutKarafDataTheDefaultFolderIsUnderData() {
        assertThat(EmbeddedRecordStoreComponent.directory(null, ""))
                .isEqualTo(Path.of("data", "gatepass"));
    }

    @Test
    void activationFailsWhenTheFolderIsInUse() {
        Path folder = karafData.resolve("gatepass");
        try (JournalStore other = JournalStore.open(folder, JournalStore.Options.defaults())) {

            assertThatThrownBy(() -> new EmbeddedRecordStoreComponent(context(), config(Map.of())))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The folder " + folder + " is in use by another Gatepass store "
                            + "(lock file " + folder.resolve("lock") + ").");
        }
    }
}
