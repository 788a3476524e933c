package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static io.gatepass.store.internal.Batches.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;
import io.gatepass.store.internal.DiskFaults.Step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of records that live in the files, not in memory. */
class JournalStoreReadTest {

    /** Compacts after every write. */
    private static final JournalStore.Options ALWAYS = new JournalStore.Options(1);

    @TempDir
    Path folder;

    private static String read(JournalStore store, String key) {
        return store.read("apps", key).map(Batches::text).orElse(null);
    }

    @Test
    void aReadAfterCompactionReturnsTheNewestValueFromTheSnapshot() {
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
            store.write(new WriteBatch().put("apps", "a", bytes("two")));
        }

        try (JournalStore store = JournalStore.open(folder, ALWAYS)) {
            store.write(new WriteBatch().put("apps", "b", bytes("three")));
            store.write(new WriteBatch().put("apps", "c", bytes("four")));

            assertThat(new StoreFolder(folder).names()).contains("snapshot-0000000000000003.gps");
            assertThat(read(store, "a")).isEqualTo("two");
            assertThat(read(store, "b")).isEqualTo("three");
        }
    }

    @Test
    void overwritesAndDeletesOnEitherSideOfACompactionSurviveReopen() {
        try (JournalStore store = JournalStore.open(folder, ALWAYS)) {
            store.write(new WriteBatch().put("apps", "kept", bytes("1")).put("apps", "gone",
                    bytes("2")).put("apps", "changed", bytes("3")));
            store.write(new WriteBatch().delete("apps", "gone").put("apps", "changed",
                    bytes("3 again")));

            assertThat(read(store, "gone")).isNull();
            assertThat(read(store, "changed")).isEqualTo("3 again");
            store.write(new WriteBatch().put("apps", "gone", bytes("back")));
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsExactly(Map.entry("changed", "3 again"),
                    Map.entry("gone", "back"), Map.entry("kept", "1"));
        }
    }

    @Test
    void aForEachThatACompactionOvertakesStillSeesEveryRecordItStartedWith() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            for (int i = 0; i < 50; i++) {
                store.write(new WriteBatch().put("apps", "k" + i, bytes("value " + i)));
                expected.put("k" + i, "value " + i);
            }
        }
        StoreFolder files = new StoreFolder(folder);
        long journalSize = Files.size(files.journal(1));
        Map<String, String> seen = new TreeMap<>();
        List<String> namesDuring = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();

        // Compacts once the late writes are in, not before.
        try (JournalStore store = JournalStore.open(folder,
                new JournalStore.Options(journalSize + 1_000))) {
            try {
                store.forEach("apps", (key, value) -> {
                    if (seen.isEmpty()) {
                        namesDuring.addAll(compactWhileReading(store, writer, files));
                    }
                    seen.put(key, text(value));
                });
            } finally {
                writer.shutdown();
            }

            assertThat(seen).isEqualTo(expected);
            assertThat(namesDuring).as("the files the forEach read, while it read")
                    .contains("journal-0000000000000001.gpj", "snapshot-0000000000000002.gps");
            assertThat(files.names()).as("deleted once it was done").containsExactly(
                    "journal-0000000000000002.gpj", "lock", "snapshot-0000000000000002.gps");
            assertThat(contents(store, "apps")).hasSize(52);
        }
    }

    /**
     * Writes twice from another thread: the first write takes the journal past its compaction
     * size, and the writer compacts before it takes the second.
     */
    private static List<String> compactWhileReading(JournalStore store, ExecutorService writer,
            StoreFolder files) {
        try {
            writer.submit(() -> {
                store.write(new WriteBatch().put("apps", "late-1", new byte[2_000]));
                store.write(new WriteBatch().put("apps", "late-2", bytes("y")));
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return files.names();
    }

    @Test
    void anInterruptedReaderGetsItsRecordAndKeepsItsInterrupt() {
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")).put("apps", "b",
                    bytes("two")));

            Thread.currentThread().interrupt();
            String value = read(store, "a");
            boolean interruptedAfterRead = Thread.interrupted();
            Thread.currentThread().interrupt();
            Map<String, String> all = contents(store, "apps");
            boolean interruptedAfterForEach = Thread.interrupted();

            assertThat(value).isEqualTo("one");
            assertThat(interruptedAfterRead).isTrue();
            assertThat(all).containsExactly(Map.entry("a", "one"), Map.entry("b", "two"));
            assertThat(interruptedAfterForEach).isTrue();
            store.write(new WriteBatch().put("apps", "c", bytes("three")));
            assertThat(read(store, "c")).isEqualTo("three");
        }
    }

    @Test
    void readersThatInterruptEachOthersReadsAllGetTheirRecords() throws Exception {
        int readers = 4;
        int reads = 2_000;
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < 100; i++) {
                batch.put("apps", "k" + i, bytes("value " + i));
            }
            store.write(batch);
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();

            for (int r = 0; r < readers; r++) {
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < reads; i++) {
                        if (i % 7 == 0) {
                            // Closes the shared channel under the other readers too.
                            Thread.currentThread().interrupt();
                        }
                        int k = i % 100;
                        assertThat(read(store, "k" + k)).isEqualTo("value " + k);
                        if (i % 7 == 0 && !Thread.interrupted()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();

            for (Future<Boolean> result : results) {
                assertThat(result.get()).as("every interrupt was kept").isTrue();
            }
            pool.shutdown();
        }
    }

    @Test
    void aRecordWhoseKeyDoesNotMatchIsReportedWithoutItsValue() throws Exception {
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "key-a", bytes("secret-value")));
            Path journal = new StoreFolder(folder).single("journal-");
            int keyAt = StoreFolder.find(journal, "key-a");
            try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
                file.seek(keyAt + 4);
                file.write('b');
            }

            assertThatThrownBy(() -> store.read("apps", "key-a"))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The Gatepass store file " + journal + " cannot be read: the "
                            + "record found for key 'key-a' of collection 'apps' is key 'key-b' "
                            + "of collection 'apps' at byte " + (keyAt - 2 - 4 - 2 - 1)
                            + ". Reopen the store, which checks every file, and restore a "
                            + "backup if it refuses to open.");
        }
    }

    @Test
    void aReadAfterCloseFailsWithTheClosedMessage() {
        JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults());
        store.write(new WriteBatch().put("apps", "a", bytes("one")));
        store.close();

        assertThatThrownBy(() -> store.read("apps", "a"))
                .isInstanceOf(StoreException.class)
                .hasMessage("The Gatepass store at " + folder + " is closed");
        assertThatThrownBy(() -> store.forEach("apps", (key, value) -> { }))
                .isInstanceOf(StoreException.class)
                .hasMessage("The Gatepass store at " + folder + " is closed");
    }

    @Test
    void aCompactionThatIsUndoneLeavesReadsOnTheFilesBeforeIt() {
        JournalStore.open(folder, JournalStore.Options.defaults()).close();
        ScriptedFaults faults = new ScriptedFaults()
                .failNext(Step.CREATE_JOURNAL, "No space left on device")
                .failNext(Step.WRITE_SNAPSHOT, "No space left on device");
        try (JournalStore store = JournalStore.open(folder, ALWAYS, faults)) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
            assertThat(read(store, "a")).isEqualTo("one");

            store.write(new WriteBatch().put("apps", "b", bytes("two")));
            assertThat(contents(store, "apps")).containsOnlyKeys("a", "b");

            store.write(new WriteBatch().put("apps", "a", bytes("three")));
            assertThat(contents(store, "apps")).containsExactly(Map.entry("a", "three"),
                    Map.entry("b", "two"));
        }

        assertThat(new StoreFolder(folder).names()).containsExactly(
                "journal-0000000000000002.gpj", "lock", "snapshot-0000000000000002.gps");
    }
}
