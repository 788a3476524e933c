package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreRoundTripTest {

    @TempDir
    Path folder;

    private JournalStore open() {
        return JournalStore.open(folder, JournalStore.Options.defaults());
    }

    @Test
    void aPutRecordIsReadBackAfterReopen() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "sdx-prod", bytes("one")));
        }

        try (JournalStore store = open()) {
            assertThat(store.read("apps", "sdx-prod")).hasValueSatisfying(
                    value -> assertThat(value).isEqualTo(bytes("one")));
        }
    }

    @Test
    void aReplacedRecordHasOnlyItsNewValueAfterReopen() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "sdx-prod", bytes("one")));
            store.write(new WriteBatch().put("apps", "sdx-prod", bytes("two")));
        }

        try (JournalStore store = open()) {
            assertThat(contents(store, "apps")).containsExactly(Map.entry("sdx-prod", "two"));
        }
    }

    @Test
    void aDeletedRecordStaysDeletedAfterReopen() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "sdx-prod", bytes("one"))
                    .put("apps", "truview-sync", bytes("two")));
            store.write(new WriteBatch().delete("apps", "sdx-prod").delete("apps", "missing"));
        }

        try (JournalStore store = open()) {
            assertThat(store.read("apps", "sdx-prod")).isEmpty();
            assertThat(contents(store, "apps")).containsExactly(Map.entry("truview-sync", "two"));
        }
    }

    @Test
    void aBatchOverSeveralCollectionsIsAppliedInOrderAndSurvivesReopen() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "a", bytes("old")));

            store.write(new WriteBatch()
                    .put("apps", "a", bytes("new"))
                    .put("tokens", "t1", bytes("for a"))
                    .put("tokens", "t2", bytes("gone soon"))
                    .delete("tokens", "t2")
                    .put("grants", "g1", new byte[0]));
        }

        try (JournalStore store = open()) {
            assertThat(contents(store, "apps")).containsExactly(Map.entry("a", "new"));
            assertThat(contents(store, "tokens")).containsExactly(Map.entry("t1", "for a"));
            assertThat(contents(store, "grants")).containsExactly(Map.entry("g1", ""));
            assertThat(store.recordCounts()).containsExactly(
                    Map.entry("apps", 1), Map.entry("grants", 1), Map.entry("tokens", 1));
        }
    }

    @Test
    void readHandsOutACopyThatDoesNotChangeTheStore() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));

            store.read("apps", "a").orElseThrow()[0] = 'X';
            store.forEach("apps", (key, value) -> value[0] = 'Y');

            assertThat(store.read("apps", "a")).hasValueSatisfying(
                    value -> assertThat(value).isEqualTo(bytes("one")));
        }
    }

    @Test
    void forEachHandsOutTheRecordsOfOneCollectionOnly() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch().put("apps", "a", bytes("1")).put("apps", "b", bytes("2"))
                    .put("tokens", "t", bytes("3")));

            assertThat(contents(store, "apps")).containsExactly(
                    Map.entry("a", "1"), Map.entry("b", "2"));
            assertThat(contents(store, "nothing")).isEmpty();
        }
    }

    @Test
    void anEmptyBatchReturnsWithoutForcingTheJournal() {
        try (JournalStore store = open()) {
            store.write(new WriteBatch());

            assertThat(store.syncCount()).isZero();
        }
    }

    @Test
    void aWriteAfterCloseFailsWithTheClosedMessage() {
        JournalStore store = open();
        store.close();

        assertThatThrownBy(() -> store.write(new WriteBatch().put("apps", "a", bytes("1"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("The Gatepass store at " + folder + " is closed");
    }

    @Test
    void aKeyLongerThanTheFormatAllowsIsRefusedBeforeAnythingIsWritten() {
        try (JournalStore store = open()) {
            WriteBatch batch = new WriteBatch().put("apps", "k".repeat(70_000), bytes("1"));

            assertThatThrownBy(() -> store.write(batch))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("A collection name or key in the batch is longer than 65535 "
                            + "bytes in UTF-8, which the Gatepass store does not take");
            assertThat(store.syncCount()).isZero();
        }
    }

    @Test
    void theLocationIsTheFolder() {
        try (JournalStore store = open()) {
            assertThat(store.location()).isEqualTo(folder.toString());
        }
    }
}
