package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreDamageTest {

    private static final String REFUSAL = " Gatepass will not start over existing data; "
            + "restore a backup or move the folder away.";

    @TempDir
    Path folder;

    private StoreFolder files() {
        return new StoreFolder(folder);
    }

    /** Three writes, one at a time, so each is its own group; compacting as configured. */
    private void writeThree(JournalStore.Options options) {
        try (JournalStore store = JournalStore.open(folder, options)) {
            for (int i = 1; i <= 3; i++) {
                store.write(new WriteBatch().put("apps", "k" + i, bytes("value-" + i)));
            }
        }
    }

    private Path journalOfThreeWrites() {
        writeThree(JournalStore.Options.defaults());
        return files().single("journal-");
    }

    private Path snapshotOfThreeWrites() {
        writeThree(new JournalStore.Options(1));
        return files().single("snapshot-");
    }

    private void assertRefusedWithoutChange(String message) {
        Map<String, String> before = files().contents();

        assertThatThrownBy(() -> JournalStore.open(folder, JournalStore.Options.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessage(message);

        assertThat(files().contents()).isEqualTo(before);
    }

    @Test
    void aTruncatedSnapshotIsRefusedWithTheFileNamed() throws Exception {
        Path snapshot = snapshotOfThreeWrites();
        StoreFolder.cut(snapshot, 3);

        assertRefusedWithoutChange("The Gatepass store file " + snapshot + " is damaged: the file "
                + "ends early at byte " + Files.size(snapshot) + "." + REFUSAL);
    }

    @Test
    void aBitFlipInASnapshotIsRefusedWithTheFileNamed() throws Exception {
        Path snapshot = snapshotOfThreeWrites();
        StoreFolder.flipBit(snapshot, StoreFolder.find(snapshot, "value-2"));

        assertRefusedWithoutChange("The Gatepass store file " + snapshot + " is damaged: "
                + "checksum mismatch at byte " + (Files.size(snapshot) - 4) + "." + REFUSAL);
    }

    @Test
    void aSnapshotOfAnUnknownFormatVersionIsRefused() {
        Path snapshot = snapshotOfThreeWrites();
        StoreFolder.putInt(snapshot, 4, 7);

        assertRefusedWithoutChange("The Gatepass store file " + snapshot + " has format version 7; "
                + "this Gatepass reads version 1. Start the Gatepass release that wrote it, or "
                + "restore a backup.");
    }

    @Test
    void aJournalOfAnUnknownFormatVersionIsRefused() {
        Path journal = journalOfThreeWrites();
        StoreFolder.putInt(journal, 4, 7);

        assertRefusedWithoutChange("The Gatepass store file " + journal + " has format version 7; "
                + "this Gatepass reads version 1. Start the Gatepass release that wrote it, or "
                + "restore a backup.");
    }

    @Test
    void aBitFlipInTheMiddleOfTheJournalIsRefusedWithFileAndOffset() {
        Path journal = journalOfThreeWrites();
        List<Integer> records = StoreFolder.recordOffsets(journal);
        StoreFolder.flipBit(journal, StoreFolder.find(journal, "value-2"));

        assertRefusedWithoutChange("The Gatepass store file " + journal + " is damaged: checksum "
                + "mismatch at byte " + records.get(1) + ", before an intact record written "
                + "later at byte " + records.get(2) + "." + REFUSAL);
    }

    @Test
    void aSequenceNumberThatGoesBackIsRefused() {
        Path journal = journalOfThreeWrites();
        List<Integer> records = StoreFolder.recordOffsets(journal);
        byte[] bytes = StoreFolder.bytes(journal);
        StoreFolder.append(journal, Arrays.copyOfRange(bytes, records.get(0), records.get(1)));

        assertRefusedWithoutChange("The Gatepass store file " + journal + " is damaged: sequence "
                + "number 1 follows 3 at byte " + bytes.length + "." + REFUSAL);
    }

    @Test
    void aTornLastRecordIsSetAsideAndTheRecordsBeforeItOpen() throws Exception {
        Path journal = journalOfThreeWrites();
        byte[] original = StoreFolder.bytes(journal);
        int last = StoreFolder.recordOffsets(journal).get(2);
        StoreFolder.cut(journal, 5);

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("k1", "k2");
        }

        assertThat(Files.size(journal)).isEqualTo(last);
        assertThat(StoreFolder.bytes(files().single("journal-0000000000000001.gpj.torn-")))
                .isEqualTo(Arrays.copyOfRange(original, last, original.length - 5));
    }

    @Test
    void garbageAfterTheLastRecordIsSetAsideAndEveryRecordOpens() {
        Path journal = journalOfThreeWrites();
        byte[] original = StoreFolder.bytes(journal);
        byte[] garbage = new byte[100];
        new Random(42).nextBytes(garbage);
        StoreFolder.append(journal, garbage);

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("k1", "k2", "k3");
        }

        assertThat(StoreFolder.bytes(journal)).isEqualTo(original);
        assertThat(StoreFolder.bytes(files().single("journal-0000000000000001.gpj.torn-")))
                .isEqualTo(garbage);
    }

    @Test
    void writesAfterATornTailWasSetAsideSurviveReopen() {
        StoreFolder.cut(journalOfThreeWrites(), 5);
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "k4", bytes("value-4")));
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("k1", "k2", "k4");
        }
    }

    /** Record 1 in a group of its own, records 2 to 4 in one group written after it. */
    private Path journalOfTwoGroups() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        buffer.put(JournalFormat.header(JournalFormat.JOURNAL_MAGIC, 1));
        for (int sequence = 1; sequence <= 4; sequence++) {
            long groupFirst = sequence == 1 ? 1 : 2;
            JournalFormat.putRecord(buffer, sequence, groupFirst, JournalFormat.encode(
                    new WriteBatch().put("apps", "k" + sequence, bytes("value-" + sequence))));
        }
        Files.createDirectories(folder);
        Path journal = files().journal(1);
        Files.write(journal, Arrays.copyOf(buffer.array(), buffer.position()));
        return journal;
    }

    @Test
    void aBrokenRecordFollowedOnlyByItsOwnGroupIsAWriteCutShort() throws Exception {
        Path journal = journalOfTwoGroups();
        byte[] original = StoreFolder.bytes(journal);
        int second = StoreFolder.recordOffsets(journal).get(1);
        StoreFolder.flipBit(journal, StoreFolder.find(journal, "value-2"));

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("k1");
        }

        assertThat(StoreFolder.bytes(journal)).isEqualTo(Arrays.copyOf(original, second));
    }

    @Test
    void aBrokenRecordFollowedByALaterGroupIsRefused() throws Exception {
        Path journal = journalOfTwoGroups();
        List<Integer> records = StoreFolder.recordOffsets(journal);
        StoreFolder.flipBit(journal, StoreFolder.find(journal, "value-1"));

        assertRefusedWithoutChange("The Gatepass store file " + journal + " is damaged: checksum "
                + "mismatch at byte " + records.get(0) + ", before an intact record written "
                + "later at byte " + records.get(1) + "." + REFUSAL);
    }

    @Test
    void aJournalWithoutTheSnapshotItContinuesIsRefused() throws Exception {
        Path snapshot = snapshotOfThreeWrites();
        Files.delete(snapshot);
        Path journal = files().single("journal-");

        assertRefusedWithoutChange("The Gatepass store folder " + folder + " holds "
                + journal.getFileName() + " but not " + snapshot.getFileName()
                + ", which it continues." + REFUSAL);
    }

    @Test
    void aFolderWithStoreFilesButNoJournalToStartFromIsRefused() throws Exception {
        Files.write(folder.resolve("journal-0000000000000001.gpj.torn-1"), bytes("torn"));

        assertRefusedWithoutChange("The Gatepass store folder " + folder + " holds Gatepass files "
                + "but neither journal-0000000000000001.gpj nor a snapshot to start from."
                + REFUSAL);
    }

    @Test
    void aJournalCutShortInItsHeaderGetsItsHeaderWrittenAgain() throws Exception {
        Path journal = files().journal(1);
        byte[] header = JournalFormat.header(JournalFormat.JOURNAL_MAGIC, 1).array();
        Files.write(journal, Arrays.copyOf(header, 5));

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            store.write(new WriteBatch().put("apps", "k1", bytes("value-1")));
        }

        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "apps")).containsOnlyKeys("k1");
        }
    }

    @Test
    void aShortJournalThatIsNotTheStartOfAHeaderIsRefused() throws Exception {
        Path journal = files().journal(1);
        Files.write(journal, bytes("hello"));

        assertRefusedWithoutChange("The Gatepass store file " + journal + " is damaged: it is 5 "
                + "bytes, too short for a journal header, and not the start of one at byte 0."
                + REFUSAL);
    }
}
