package io.gatepass.store.internal;

import static io.gatepass.store.internal.Batches.bytes;
import static io.gatepass.store.internal.Batches.contents;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreGroupCommitTest {

    private static final int THREADS = 32;
    private static final int BATCHES_PER_THREAD = 50;

    @TempDir
    Path folder;

    @Test
    void concurrentWritersShareSyncsAndEveryBatchSurvivesReopen() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        long syncs;
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String writer = "w" + t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < BATCHES_PER_THREAD; i++) {
                        store.write(new WriteBatch().put("tokens", writer + "-" + i,
                                bytes(writer + " wrote " + i)));
                    }
                    return null;
                }));
                for (int i = 0; i < BATCHES_PER_THREAD; i++) {
                    expected.put(writer + "-" + i, writer + " wrote " + i);
                }
            }

            start.countDown();
            for (Future<?> done : writers) {
                done.get();
            }
            pool.shutdown();
            syncs = store.syncCount();
        }

        assertThat(syncs).isPositive().isLessThan(THREADS * BATCHES_PER_THREAD);
        try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
            assertThat(contents(store, "tokens")).isEqualTo(expected);
        }
    }
}
