package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.gatepass.api.StoreException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreFolderTest {

    @TempDir
    Path parent;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aMissingFolderIsCreatedForItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path folder = parent.resolve("data").resolve("gatepass");

        JournalStore.open(folder, JournalStore.Options.defaults()).close();

        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void everyFileTheStoreCreatesIsForItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path folder = parent.resolve("gatepass");
        try (JournalStore store = JournalStore.open(folder, new JournalStore.Options(1))) {
            store.write(new WriteBatch().put("apps", "a", bytes("one")));
        }
        StoreFolder files = new StoreFolder(folder);
        StoreFolder.append(files.single("journal-"), bytes("torn"));
        JournalStore.open(folder, JournalStore.Options.defaults()).close();

        assertThat(files.names()).hasSize(4);
        for (String name : files.names()) {
            assertThat(permissions(folder.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefusedWithTheLockMessage() {
        Path folder = parent.resolve("gatepass");
        try (JournalStore first = JournalStore.open(folder, JournalStore.Options.defaults())) {

            assertThatThrownBy(() -> JournalStore.open(folder, JournalStore.Options.defaults()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The folder " + folder + " is in use by another Gatepass store "
                            + "(lock file " + folder.resolve("lock") + ").");
        }
    }

    @Test
    void aClosedStoreLetsTheNextOneOpenTheFolder() {
        Path folder = parent.resolve("gatepass");
        JournalStore.open(folder, JournalStore.Options.defaults()).close();

        try (JournalStore second = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(second.location()).isEqualTo(folder.toString());
        }
    }

    @Test
    void aStoreThatRefusedToOpenLeavesTheFolderUnlocked() {
        Path folder = parent.resolve("gatepass");
        JournalStore.open(folder, JournalStore.Options.defaults()).close();
        Path journal = new StoreFolder(folder).single("journal-");
        StoreFolder.putInt(journal, 0, 0);
        assertThatThrownBy(() -> JournalStore.open(folder, JournalStore.Options.defaults()))
                .isInstanceOf(StoreException.class);
        StoreFolder.putInt(journal, 0, JournalFormat.JOURNAL_MAGIC);

        JournalStore.open(folder, JournalStore.Options.defaults()).close();
    }
}
