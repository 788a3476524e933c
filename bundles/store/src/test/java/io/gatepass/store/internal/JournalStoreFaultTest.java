package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;
import io.gatepass.store.internal.DiskFaults.Step;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreFaultTest {

    private static final String DISK_FULL = "No space left on device";

    @TempDir
    Path folder;

    private final ScriptedFaults faults = new ScriptedFaults();
    private Path journal;

    @BeforeEach
    void createStore() {
        JournalStore.open(folder, JournalStore.Options.defaults()).close();
        journal = new StoreFolder(folder).journal(1);
    }

    private JournalStore openWithFaults() {
        return JournalStore.open(folder, JournalStore.Options.defaults(), faults);
    }

    private static WriteBatch put(String key) {
        return new WriteBatch().put("apps", key, bytes("value of " + key));
    }

    @Test
    void aFailedForceLeavesNeitherMemoryNorDiskWithTheBatch() throws Exception {
        try (JournalStore store = openWithFaults()) {
            store.write(put("before"));
            long size = Files.size(journal);
            faults.failNext(Step.FORCE_JOURNAL, DISK_FULL);

            assertThatThrownBy(() -> store.write(put("failed").put("apps", "other", bytes("x"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Could not write to " + journal + ": " + DISK_FULL);

            assertThat(contents(store, "apps")).containsOnlyKeys("before");
            assertThat(Files.size(journal)).isEqualTo(size);
        }
    }

    @Test
    void aFailedWriteLeavesNeitherMemoryNorDiskWithTheBatch() throws Exception {
        try (JournalStore store = openWithFaults()) {
            long size = Files.size(journal);
            faults.failNext(Step.WRITE_JOURNAL, DISK_FULL);

            assertThatThrownBy(() -> store.write(put("failed")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Could not write to " + journal + ": " + DISK_FULL);

            assertThat(store.read("apps", "failed")).isEmpty();
            assertThat(Files.size(journal)).isEqualTo(size);
        }
    }

    @Test
    void writesAfterAFailedWriteSucceedAndSurviveReopen() {
        try (JournalStore store = openWithFaults()) {
            store.write(put("before"));
            faults.failNext(Step.FORCE_JOURNAL, DISK_FULL);
            assertThatThrownBy(() -> store.write(put("failed"))).isInstanceOf(StoreException.class);

            store.write(put("after"));
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("before", "after");
        }
    }

    @Test
    void aFailedWriteThatCannotBeCutOffStopsEveryLaterWrite() {
        try (JournalStore store = openWithFaults()) {
            faults.failNext(Step.FORCE_JOURNAL, DISK_FULL)
                    .failNext(Step.TRUNCATE_JOURNAL, "Input/output error");
            assertThatThrownBy(() -> store.write(put("failed")))
                    .hasMessage("Could not write to " + journal + ": " + DISK_FULL);

            assertThatThrownBy(() -> store.write(put("later")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The Gatepass store at " + folder + " stopped writing: after a "
                            + "failed write it could not cut " + journal + " back (Input/output "
                            + "error). Reopen the store once the disk is fixed.");
        }
    }

    @Test
    void aStoreThatStoppedWritingWorksAgainAfterReopenWithoutTheFailedBatch() {
        try (JournalStore store = openWithFaults()) {
            store.write(put("before"));
            faults.failNext(Step.FORCE_JOURNAL, DISK_FULL)
                    .failNext(Step.TRUNCATE_JOURNAL, "Input/output error");
            assertThatThrownBy(() -> store.write(put("failed"))).isInstanceOf(StoreException.class);
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(put("after"));

            assertThat(contents(store, "apps")).containsOnlyKeys("before", "after");
        }
    }
}
