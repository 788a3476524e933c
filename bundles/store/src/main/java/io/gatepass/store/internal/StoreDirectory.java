package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatepass.api.StoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of one store: names of its files, owner-only creation, the lock that keeps a second
 * store out, and forcing the folder itself so that renames and new files survive a crash.
 */
final class StoreDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDirectory.class);

    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{16})\\.gps");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{16})\\.gpj");
    private static final Pattern TEMPORARY = Pattern.compile("snapshot-\\d{16}\\.gps\\.tmp");
    private static final Pattern TORN = Pattern.compile("journal-\\d{16}\\.gpj\\.torn-\\d+");

    private final Path path;
    private final boolean posix;
    private final FileChannel lockChannel;

    private StoreDirectory(Path path, boolean posix, FileChannel lockChannel) {
        this.path = path;
        this.posix = posix;
        this.lockChannel = lockChannel;
    }

    /**
     * Creates the folder if missing (owner only) and locks it for this store.
     *
     * @throws StoreException if another store holds the lock
     * @throws IOException if the folder or lock file cannot be made
     */
    static StoreDirectory lock(Path directory) throws IOException {
        Path path = directory.toAbsolutePath().normalize();
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(path)) {
            if (posix) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(path);
            }
            // Else a power cut could lose the new folder with every write acknowledged in it.
            force(path.getParent());
        } else if (posix) {
            warnIfOthersMayRead(path);
        }

        Path lockFile = path.resolve("lock");
        FileChannel channel = FileChannel.open(lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                ownerOnly(posix, "rw-------"));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by another store in this JVM.
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreException("The folder " + path + " is in use by another Gatepass "
                    + "store (lock file " + lockFile + ").");
        }
        return new StoreDirectory(path, posix, channel);
    }

    private static void warnIfOthersMayRead(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("The Gatepass store folder {} can be read by other users ({}); it holds the "
                    + "client apps and tokens, so consider chmod 700",
                    path, PosixFilePermissions.toString(permissions));
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix, String permissions) {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    Path path() {
        return path;
    }

    Path snapshot(long generation) {
        return path.resolve(String.format("snapshot-%016d.gps", generation));
    }

    Path temporarySnapshot(long generation) {
        return path.resolve(String.format("snapshot-%016d.gps.tmp", generation));
    }

    Path journal(long generation) {
        return path.resolve(String.format("journal-%016d.gpj", generation));
    }

    /** Opens a file that only the owner may read or write, creating it if needed. */
    FileChannel openOwnerOnly(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new HashSet<>(List.of(options));
        return FileChannel.open(file, all, ownerOnly(posix, "rw-------"));
    }

    /** @return the store files in the folder, by kind and generation */
    Listing list() throws IOException {
        Listing listing = new Listing(new TreeMap<>(), new TreeMap<>(), new ArrayList<>(),
                new ArrayList<>());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher snapshot = SNAPSHOT.matcher(name);
                Matcher journal = JOURNAL.matcher(name);
                if (snapshot.matches()) {
                    listing.snapshots().put(Long.parseLong(snapshot.group(1)), file);
                } else if (journal.matches()) {
                    listing.journals().put(Long.parseLong(journal.group(1)), file);
                } else if (TEMPORARY.matcher(name).matches()) {
                    listing.temporary().add(file);
                } else if (TORN.matcher(name).matches()) {
                    listing.torn().add(file);
                }
            }
        }
        return listing;
    }

    /**
     * Forces the folder entries (new, renamed and deleted files) to disk. Where a folder cannot
     * be opened (Windows), the file system offers no such call and this does nothing.
     */
    void force() throws IOException {
        force(path);
    }

    private static void force(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException e) {
            LOG.debug("Cannot open {} to force it, assuming the file system needs no such call",
                    folder, e);
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Releases the lock; the lock file stays, as deleting it could race a store opening it. */
    @Override
    public void close() throws IOException {
        lockChannel.close();
    }

    /** The files the store recognises in its folder, generations ascending. */
    record Listing(TreeMap<Long, Path> snapshots, TreeMap<Long, Path> journals,
            List<Path> temporary, List<Path> torn) {

        boolean isEmpty() {
            return snapshots.isEmpty() && journals.isEmpty() && temporary.isEmpty()
                    && torn.isEmpty();
        }
    }
}
