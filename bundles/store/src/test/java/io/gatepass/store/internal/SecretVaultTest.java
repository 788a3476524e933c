package io.gatepass.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.gatepass.api.InvalidInputException;
import io.gatepass.api.StoreException;
import io.gatepass.spi.VaultException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {

    private static final byte[] TOKEN = "gprt_a-refresh-token-that-must-not-be-seen".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private Path keyFile;
    private JournalStore store;
    private RecordStoreVault vault;

    @BeforeEach
    void open() {
        keyFile = data.resolve("keys/vault.key");
        store = JournalStore.open(data.resolve("store"), JournalStore.Options.defaults());
        vault = new RecordStoreVault(store, VaultKey.openOrCreate(keyFile));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        open();
    }

    @Test
    void aSecretIsReadBackAfterTheStoreAndTheKeyAreReopened() {
        vault.put("client/crm/tokens", TOKEN);

        reopen();

        assertThat(vault.get("client/crm/tokens")).hasValue(TOKEN);
        assertThat(vault.names("client/")).containsExactly("client/crm/tokens");
    }

    @Test
    void theStoreFilesNeverHoldTheSecretInClear() throws Exception {
        vault.put("client/crm/tokens", TOKEN);
        store.close();

        try (var files = Files.walk(data.resolve("store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain("a-refresh-token");
            }
        }
        store = JournalStore.open(data.resolve("store"), JournalStore.Options.defaults());
    }

    @Test
    void everySealingUsesAFreshNonce() {
        vault.put("a", TOKEN);
        byte[] first = store.read(RecordStoreVault.COLLECTION, "a").orElseThrow();
        vault.put("a", TOKEN);
        byte[] second = store.read(RecordStoreVault.COLLECTION, "a").orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(vault.get("a")).hasValue(TOKEN);
    }

    @Test
    void theKeyFileIsCreatedOnceWithOwnerOnlyPermissions() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
            .isEqualTo("rwx------");
        byte[] key = Files.readAllBytes(keyFile);

        reopen();

        assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
        assertThat(VaultKey.othersMayRead(keyFile)).isFalse();
    }

    @Test
    void aSecretSealedWithAnotherKeyIsReportedAndNotOpened() throws Exception {
        vault.put("client/crm/tokens", TOKEN);
        store.close();
        Files.delete(keyFile);
        open();

        assertThatThrownBy(() -> vault.get("client/crm/tokens"))
            .isInstanceOf(VaultException.class)
            .hasMessageStartingWith("The vault secret 'client/crm/tokens' was sealed with another vault key (key id ")
            .hasMessageEndingWith("): restore that key file, or store the secret again.");
        assertThat(vault.unreadable()).isEqualTo(1);
        vault.put("client/crm/tokens", TOKEN);
        assertThat(vault.get("client/crm/tokens")).hasValue(TOKEN);
    }

    @Test
    void aTamperedSecretIsReportedAndNotOpened() {
        vault.put("client/crm/tokens", TOKEN);
        byte[] sealed = store.read(RecordStoreVault.COLLECTION, "client/crm/tokens").orElseThrow();
        sealed[sealed.length - 20] ^= 0x01;
        store.write(new WriteBatch().put(RecordStoreVault.COLLECTION, "client/crm/tokens", sealed));

        assertThatThrownBy(() -> vault.get("client/crm/tokens"))
            .isInstanceOf(VaultException.class)
            .hasMessage("The vault secret 'client/crm/tokens' has been altered or damaged since it was sealed: it was"
                + " not opened. Store it again.");
    }

    @Test
    void aSealedSecretCopiedUnderAnotherNameDoesNotOpen() {
        vault.put("client/crm/tokens", TOKEN);
        byte[] sealed = store.read(RecordStoreVault.COLLECTION, "client/crm/tokens").orElseThrow();
        store.write(new WriteBatch().put(RecordStoreVault.COLLECTION, "client/erp/tokens", sealed));

        assertThatThrownBy(() -> vault.get("client/erp/tokens")).isInstanceOf(VaultException.class)
            .hasMessageContaining("has been altered or damaged");
    }

    @Test
    void aTruncatedSecretIsReportedAsDamaged() {
        store.write(new WriteBatch().put(RecordStoreVault.COLLECTION, "short", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> vault.get("short"))
            .hasMessage("The vault secret 'short' is damaged: it is not a sealed secret of a format this Gatepass"
                + " knows. Store it again.");
    }

    @Test
    void aDamagedKeyFileIsRefusedByName() throws Exception {
        byte[] key = Files.readAllBytes(keyFile);
        key[10] ^= 0x01;
        Files.write(keyFile, key);

        assertThatThrownBy(() -> VaultKey.openOrCreate(keyFile)).isInstanceOf(StoreException.class)
            .hasMessage("The vault key file " + keyFile + " is damaged (its checksum does not match): restore it"
                + " from a backup.");
    }

    @Test
    void aFileThatIsNotAKeyIsRefusedByName() throws Exception {
        Files.writeString(keyFile, "not a key");

        assertThatThrownBy(() -> VaultKey.openOrCreate(keyFile))
            .hasMessage("The vault key file " + keyFile + " is not a Gatepass vault key (9 bytes): restore it from a"
                + " backup, or move it away to start an empty vault.");
    }

    @Test
    void removingASecretIsDurableAndSaysWhetherThereWasOne() {
        vault.put("a", TOKEN);

        assertThat(vault.remove("a")).isTrue();
        assertThat(vault.remove("a")).isFalse();
        reopen();
        assertThat(vault.get("a")).isEmpty();
    }

    @Test
    void badNamesAreRefusedAndNothingStoredIsLost() {
        vault.put("kept", TOKEN);

        assertThatThrownBy(() -> vault.put("with space", TOKEN)).isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid vault name 'with space': use 1 to 200 letters, digits and . _ : / @ -.");
        assertThatThrownBy(() -> vault.put("", TOKEN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> vault.get("x".repeat(201))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> vault.put("kept", null)).isInstanceOf(InvalidInputException.class)
            .hasMessage("The secret to store under 'kept' is missing.");
        assertThat(vault.get("kept")).hasValue(TOKEN);
    }

    @Test
    void theKeyFileDefaultsToAFolderOfItsOwnInKarafData() {
        assertThat(SecretVaultComponent.keyFile("/opt/karaf/data", ""))
            .isEqualTo(Path.of("/opt/karaf/data/gatepass-keys/vault.key"));
        assertThat(SecretVaultComponent.keyFile("/opt/karaf/data", "keys/k"))
            .isEqualTo(Path.of("/opt/karaf/data/keys/k"));
        assertThat(SecretVaultComponent.keyFile("/opt/karaf/data", "/secure/k")).isEqualTo(Path.of("/secure/k"));
    }

    @Test
    void theKeysDescriptionNamesOnlyItsId() {
        assertThat(VaultKey.openOrCreate(keyFile).toString()).matches("VaultKey\\[[0-9a-f]{16}\\]");
    }
}
