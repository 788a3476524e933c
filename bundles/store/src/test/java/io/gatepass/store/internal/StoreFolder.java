package io.gatepass.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Looks at and damages the files of a store folder, the way a test needs to. */
final class StoreFolder {

    private final Path path;

    StoreFolder(Path path) {
        this.path = path;
    }

    Path journal(long generation) {
        return path.resolve(String.format("journal-%016d.gpj", generation));
    }

    Path snapshot(long generation) {
        return path.resolve(String.format("snapshot-%016d.gps", generation));
    }

    /** @return the only file whose name starts with the prefix */
    Path single(String prefix) {
        List<Path> found = names().stream().filter(name -> name.startsWith(prefix))
                .map(path::resolve).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + prefix + "* in " + path + ": " + names());
        }
        return found.get(0);
    }

    List<String> names() {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return every store file's bytes in hex by name, to show that a refusal changed nothing;
     *         without the lock file, which opening creates and which holds nothing
     */
    Map<String, String> contents() {
        Map<String, String> contents = new TreeMap<>();
        for (String name : names()) {
            if (!name.equals("lock")) {
                contents.put(name, HexFormat.of().formatHex(bytes(path.resolve(name))));
            }
        }
        return contents;
    }

    /** @return where each record of a journal starts, found by walking their lengths */
    static List<Integer> recordOffsets(Path journal) {
        ByteBuffer bytes = ByteBuffer.wrap(bytes(journal));
        List<Integer> offsets = new ArrayList<>();
        int at = JournalFormat.HEADER_BYTES;
        while (at < bytes.limit()) {
            offsets.add(at);
            at += JournalFormat.RECORD_HEADER_BYTES + bytes.getInt(at);
        }
        return offsets;
    }

    /** @return the offset of the first occurrence of the text in the file */
    static int find(Path file, String text) {
        byte[] bytes = bytes(file);
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + wanted.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        throw new AssertionError("'" + text + "' is not in " + file);
    }

    static void flipBit(Path file, int offset) {
        byte[] bytes = bytes(file);
        bytes[offset] ^= 0x10;
        write(file, bytes);
    }

    static void cut(Path file, int bytesToRemove) {
        byte[] bytes = bytes(file);
        write(file, Arrays.copyOf(bytes, bytes.length - bytesToRemove));
    }

    static void putInt(Path file, int offset, int value) {
        byte[] bytes = bytes(file);
        ByteBuffer.wrap(bytes).putInt(offset, value);
        write(file, bytes);
    }

    static void append(Path file, byte[] more) {
        byte[] bytes = bytes(file);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + more.length);
        System.arraycopy(more, 0, longer, bytes.length, more.length);
        write(file, longer);
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
