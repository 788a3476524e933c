package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.gatepass.api.StoreException;

/**
 * The vault's AES-256 key in a file of its own, readable by the owner only, created on first
 * use. The file holds a magic word, a format version, the 32 key bytes and a CRC-32 of them, so a
 * damaged or foreign file is refused by name rather than used as a wrong key. The key id, a hash
 * of the key, goes into every sealed secret, which tells "another key" apart from "altered".
 */
final class VaultKey {

    private static final byte[] MAGIC = {'G', 'P', 'V', 'K'};
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int FILE_BYTES = MAGIC.length + 1 + KEY_BYTES + 4;
    static final int ID_BYTES = 8;

    private final SecretKey key;
    private final byte[] id;
    private final boolean created;

    private VaultKey(byte[] material, boolean created) {
        this.key = new SecretKeySpec(material, "AES");
        this.id = idOf(material);
        this.created = created;
        Arrays.fill(material, (byte) 0);
    }

    /**
     * Reads the key file, or creates it with a fresh random key when there is none.
     *
     * @throws StoreException naming the file if it cannot be read, written, or is not a key file
     */
    static VaultKey openOrCreate(Path file) {
        try {
            return read(file);
        } catch (NoSuchFileException missing) {
            return create(file);
        } catch (IOException e) {
            throw new StoreException("The vault key file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static VaultKey read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        byte[] magic = new byte[MAGIC.length];
        if (content.length != FILE_BYTES || !Arrays.equals(readInto(buffer, magic), MAGIC)) {
            throw new StoreException("The vault key file " + file + " is not a Gatepass vault key ("
                + content.length + " bytes): restore it from a backup, or move it away to start an empty vault.");
        }
        byte version = buffer.get();
        if (version != VERSION) {
            throw new StoreException("The vault key file " + file + " has format version " + version
                + ", which this Gatepass does not know (it knows " + VERSION + ").");
        }
        byte[] material = readInto(buffer, new byte[KEY_BYTES]);
        if (buffer.getInt() != crc(material)) {
            Arrays.fill(material, (byte) 0);
            throw new StoreException("The vault key file " + file + " is damaged (its checksum does not match):"
                + " restore it from a backup.");
        }
        Arrays.fill(content, (byte) 0);
        return new VaultKey(material, false);
    }

    private static VaultKey create(Path file) {
        byte[] material = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(material);
        ByteBuffer content = ByteBuffer.allocate(FILE_BYTES).put(MAGIC).put(VERSION).put(material)
            .putInt(crc(material));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, ownerOnly(folder, "rwx------"));
            }
            Files.deleteIfExists(temporary);
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly(folder, "rw-------"))) {
                channel.write(content.flip());
                channel.force(true);
            }
            // Without REPLACE_EXISTING: a key that appeared meanwhile may already seal secrets.
            Files.move(temporary, file);
            forceFolder(folder);
        } catch (FileAlreadyExistsException raced) {
            deleteQuietly(temporary);
            throw new StoreException("The vault key file " + file + " appeared while it was being created: restart"
                + " the vault.", raced);
        } catch (IOException e) {
            throw new StoreException("The vault key file " + file + " could not be created: " + e.getMessage(), e);
        } finally {
            Arrays.fill(content.array(), (byte) 0);
        }
        return new VaultKey(material, true);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a leftover random key that seals nothing; the next creation deletes it first.
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder, String permissions) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot sync a folder; the key file itself was synced.
        }
    }

    private static byte[] readInto(ByteBuffer buffer, byte[] target) {
        buffer.get(target);
        return target;
    }

    private static int crc(byte[] material) {
        CRC32 crc = new CRC32();
        crc.update(material);
        return (int) crc.getValue();
    }

    private static byte[] idOf(byte[] material) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("gatepass vault key id".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(material), ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** @return whether the file did not exist and was created now */
    boolean created() {
        return created;
    }

    SecretKey key() {
        return key;
    }

    /** @return the key id, a copy */
    byte[] id() {
        return id.clone();
    }

    /** @return the key id in hex, for messages: it says which key, and nothing about it */
    String idText() {
        return HexFormat.of().formatHex(id);
    }

    /** @return whether the file grants any permission to group or others; false where that cannot be told */
    static boolean othersMayRead(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VaultKey[" + idText() + "]";
    }
}
