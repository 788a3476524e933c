package io.gatepass.tokens.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.spi.RecordStore;
import io.gatepass.store.internal.JournalStore;

/**
 * A token service on the real embedded store, holding at least a given number of live grants.
 * The store folder is kept, so the first trial of a run generates the grants and later trials
 * reopen them; both times are printed, as {@code setup:} lines.
 */
final class LoadedTokenService implements AutoCloseable {

    /** Enough callers that the store's group commit shares each sync among many grants. */
    private static final int LOADING_THREADS = 64;

    private static final ClientCredentials CLIENT = new ClientCredentials(OneAppRegistry.APP, null, "benchmark");

    private final JournalStore journal;
    final TokenServiceImpl tokens;

    LoadedTokenService(Path folder, int grants) throws Exception {
        this(folder, grants, 0);
    }

    /** @param rotations how many times each newly generated grant is refreshed */
    LoadedTokenService(Path folder, int grants, int rotations) throws Exception {
        long start = System.nanoTime();
        journal = JournalStore.open(folder, new JournalStore.Options(64L << 20));
        tokens = serviceOn(journal);
        int found = tokens.grantCount();
        report(String.format("opened the store with %,d grants", found), start);

        if (found < grants) {
            long loading = System.nanoTime();
            generateConcurrently(grants - found, rotations);
            report(String.format("generated %,d grants%s with %d threads", grants - found,
                rotations == 0 ? "" : String.format(", each refreshed %d times,", rotations), LOADING_THREADS),
                loading);
        }
    }

    /**
     * @return a token service on the store, built as the OSGi component builds its own, with the benchmark's
     *     one-app registry, instant credential check and default settings, posting no events
     */
    static TokenServiceImpl serviceOn(RecordStore store) {
        Clock clock = Clock.systemUTC();
        return new TokenServiceImpl(store, new OneAppRegistry(), new InstantVerifier(),
            new LoginThrottle(clock, ThrottleSettings.DEFAULTS), clock, TokenSettings.DEFAULTS,
            (topic, properties) -> { });
    }

    JournalStore journal() {
        return journal;
    }

    TokenPair issueFor(int user) {
        return tokens.generate(new TokenRequest(OneAppRegistry.APP, "user-" + user % 1000,
            "password".toCharArray(), Set.of(), "benchmark"));
    }

    private void generateConcurrently(int count, int rotations) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(LOADING_THREADS);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < LOADING_THREADS; i++) {
                callers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        TokenPair pair = issueFor(n);
                        for (int r = 0; r < rotations; r++) {
                            pair = tokens.refresh(pair.refreshToken(), CLIENT);
                        }
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String what, long startNanos) {
        System.out.printf("setup: %s in %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public void close() {
        journal.close();
    }
}
