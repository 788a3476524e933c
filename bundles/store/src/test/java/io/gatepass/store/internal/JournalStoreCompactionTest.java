package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.gatepass.spi.WriteBatch;
import io.gatepass.store.internal.DiskFaults.Step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreCompactionTest {

    /** Small enough that every few writes compact. */
    private static final JournalStore.Options TINY = new JournalStore.Options(300);
    /** Compacts after every write. */
    private static final JournalStore.Options ALWAYS = new JournalStore.Options(1);

    @TempDir
    Path folder;

    /** Puts, replaces and deletes; returns what the collection must hold afterwards. */
    private static Map<String, String> writeMix(JournalStore store, String prefix) {
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            String key = prefix + i;
            store.write(new WriteBatch().put("apps", key, bytes("first " + i)));
            expected.put(key, "first " + i);
            if (i % 3 == 0) {
                store.write(new WriteBatch().put("apps", key, bytes("second " + i)));
                expected.put(key, "second " + i);
            }
            if (i % 5 == 0) {
                store.write(new WriteBatch().delete("apps", key));
                expected.remove(key);
            }
        }
        return expected;
    }

    @Test
    void recordsSurviveCompactionAndReopen() {
        Map<String, String> expected;
        try (JournalStore store = JournalStore.open(folder, TINY)) {
            expected = writeMix(store, "a");
        }

        StoreFolder files = new StoreFolder(folder);
        assertThat(files.names()).hasSize(3).contains("lock");
        Path snapshot = files.single("snapshot-");
        Path journal = files.single("journal-");
        assertThat(snapshot.getFileName().toString()).isNotEqualTo("snapshot-0000000000000001.gps");
        assertThat(journal.getFileName().toString().substring(8, 24))
                .isEqualTo(snapshot.getFileName().toString().substring(9, 25));
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).isEqualTo(expected);
        }
    }

    @Test
    void writesAfterAReopenThatFollowedACompactionSurviveTheNextReopen() {
        Map<String, String> expected;
        try (JournalStore store = JournalStore.open(folder, TINY)) {
            expected = writeMix(store, "a");
        }
        try (JournalStore store = JournalStore.open(folder, TINY)) {
            expected.putAll(writeMix(store, "b"));
            store.write(new WriteBatch().delete("apps", "a1"));
            expected.remove("a1");
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).isEqualTo(expected);
        }
    }

    @Test
    void aCrashBetweenTheSnapshotAndItsJournalLosesNothing() throws Exception {
        try (JournalStore store = JournalStore.open(folder, ALWAYS)) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
        }
        StoreFolder files = new StoreFolder(folder);
        Files.delete(files.single("journal-"));

        try (JournalStore store = JournalStore.open(folder, TINY)) {
            assertThat(contents(store, "apps")).containsExactly(Map.entry("a", "one"));
            store.write(new WriteBatch().put("apps", "b", bytes("two")));
        }

        try (JournalStore store = JournalStore.open(folder, TINY)) {
            assertThat(contents(store, "apps")).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void openingDeletesWhatAnInterruptedCompactionLeftBehind() throws Exception {
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
        }
        StoreFolder files = new StoreFolder(folder);
        Files.write(folder.resolve("snapshot-0000000000000002.gps.tmp"), bytes("half"));

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(files.names()).containsExactly("journal-0000000000000001.gpj", "lock");
            assertThat(contents(store, "apps")).containsExactly(Map.entry("a", "one"));
        }
    }

    @Test
    void aCompactionThatCannotCreateItsJournalGoesBackAndLosesNothing() {
        JournalStore.open(folder, JournalStore.Options.defaults()).close();
        ScriptedFaults faults = new ScriptedFaults()
                .failNext(Step.CREATE_JOURNAL, "No space left on device");
        try (JournalStore store = JournalStore.open(folder, ALWAYS, faults)) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
            store.write(new WriteBatch().put("apps", "b", bytes("two")));
        }

        assertThat(new StoreFolder(folder).names()).containsExactly(
                "journal-0000000000000002.gpj", "lock", "snapshot-0000000000000002.gps");
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsExactly(
                    Map.entry("a", "one"), Map.entry("b", "two"));
        }
    }

    @Test
    void aSnapshotThatCannotBeWrittenLeavesTheStoreOnItsJournal() {
        JournalStore.open(folder, JournalStore.Options.defaults()).close();
        ScriptedFaults faults = new ScriptedFaults()
                .failNext(Step.WRITE_SNAPSHOT, "No space left on device");
        try (JournalStore store = JournalStore.open(folder, ALWAYS, faults)) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
            store.write(new WriteBatch().put("apps", "b", bytes("two")));
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsExactly(
                    Map.entry("a", "one"), Map.entry("b", "two"));
        }
    }
}
