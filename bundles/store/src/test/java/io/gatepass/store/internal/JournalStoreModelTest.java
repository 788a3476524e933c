package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many keys, random puts and deletes, compared with a map that holds what the store must. */
class JournalStoreModelTest {

    private static final int KEYS = 200_000;
    private static final int CHANGES_PER_BATCH = 1_000;
    /** Small enough that the rounds below compact several times. */
    private static final JournalStore.Options OFTEN = new JournalStore.Options(4L * 1024 * 1024);

    @TempDir
    Path folder;

    private final Random random = new Random(7);
    private final Map<String, String> model = new HashMap<>();

    private void writeRandomly(JournalStore store, int batches) {
        for (int b = 0; b < batches; b++) {
            WriteBatch batch = new WriteBatch();
            for (int c = 0; c < CHANGES_PER_BATCH; c++) {
                String collection = random.nextInt(4) == 0 ? "grants" : "apps";
                String key = "key-" + random.nextInt(KEYS);
                if (random.nextInt(4) == 0) {
                    batch.delete(collection, key);
                    model.remove(collection + "/" + key);
                } else {
                    String value = key + " " + "v".repeat(random.nextInt(120)) + b;
                    batch.put(collection, key, bytes(value));
                    model.put(collection + "/" + key, value);
                }
            }
            store.write(batch);
        }
    }

    private void assertSameAsModel(JournalStore store) {
        Map<String, String> found = new HashMap<>();
        for (String collection : new String[] {"apps", "grants"}) {
            store.forEach(collection,
                    (key, value) -> found.put(collection + "/" + key, text(value)));
        }
        assertThat(found).hasSameSizeAs(model);
        assertThat(found.equals(model)).as("forEach matches the model").isTrue();

        for (int i = 0; i < 2_000; i++) {
            String key = "key-" + random.nextInt(KEYS);
            assertThat(store.read("apps", key).map(Batches::text).orElse(null))
                    .as(key).isEqualTo(model.get("apps/" + key));
        }
    }

    @Test
    void randomPutsAndDeletesOfManyKeysMatchAMapAcrossCompactionAndReopen() {
        try (JournalStore store = JournalStore.open(folder, OFTEN)) {
            writeRandomly(store, 300);
            assertSameAsModel(store);
        }

        try (JournalStore store = JournalStore.open(folder, OFTEN)) {
            assertSameAsModel(store);
            writeRandomly(store, 60);
            assertSameAsModel(store);
            assertThat(store.recordCounts().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(model.size());
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertSameAsModel(store);
        }
    }
}
