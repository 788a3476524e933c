package io.gatepass.store.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.gatepass.spi.WriteBatch;

/**
 * The process that {@link JournalStoreCrashTest} kills: writes batches from several threads
 * until it is killed, printing {@code ACK <key>} once each write has returned.
 *
 * <p>Arguments: folder, key prefix, number of threads, compaction size in bytes.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String prefix = args[1];
        int threads = Integer.parseInt(args[2]);
        long compactAfterBytes = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        exitWhenTheParentGoes();

        JournalStore store = JournalStore.open(folder, new JournalStore.Options(compactAfterBytes));
        for (int t = 0; t < threads; t++) {
            String writer = prefix + "-" + t;
            Thread thread = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String key = writer + "-" + i;
                    store.write(new WriteBatch().put("crash", key, value(key)));
                    synchronized (out) {
                        out.println("ACK " + key);
                        out.flush();
                    }
                }
            }, writer);
            thread.start();
        }
    }

    /** @return a value of 50 to 550 bytes, so that records straddle disk blocks */
    static byte[] value(String key) {
        String text = "value of " + key + " ";
        return text.repeat(1 + Math.floorMod(key.hashCode(), 500) / text.length() + 1)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A test that dies before killing this process closes its stdin; nobody else would. */
    private static void exitWhenTheParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is sent; only the end matters.
                }
            } catch (IOException e) {
                // Same as the end of input.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
