package io.gatepass.tokens.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;
import io.gatepass.store.internal.JournalStore;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@code TokenService.generate} and {@code refresh} on the real embedded store with durable
 * writes (the credential check is an instant fake, so the number is Gatepass's own cost), beside
 * two cheaper ways to make the same bytes durable, at as many callers as JMH threads:
 * <ul>
 * <li>{@code storeAlone}: {@link JournalStore#write} of a batch of the same records the
 *     operation writes (same collections, key lengths and values), so that the gap between it and
 *     {@code tokenService} is the token service's own work;</li>
 * <li>{@code floor}: the least a durable write costs on this disk with this many callers: as
 *     many bytes as the operation's journal record, appended to one file by a bare group commit
 *     ({@link GroupCommitFile}) that shares each {@code FileChannel.force(false)} among all the
 *     callers waiting. A force per call is no floor: the store's group commit beats it as soon
 *     as several callers write at once.</li>
 * </ul>
 * Besides operations per second, each reports the secondary metric {@code syncs}: forces of the
 * store's journal (for the floor: of its file) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class TokenIssueBenchmark {

    /**
     * Grants each caller refreshes in turn. A refresh rotates the refresh token, so every caller
     * owns its grants and keeps their current tokens; no two callers ever wait on one grant.
     */
    private static final int POOL = 16;

    private static final ClientCredentials CLIENT =
        new ClientCredentials(OneAppRegistry.APP, null, "benchmark");

    @Param({"generate", "refresh"})
    public String operation;

    private boolean generating;
    private Path folder;
    private JournalStore journal;
    private TokenServiceImpl tokens;
    /** What one operation writes, as the token service wrote it to a store that keeps nothing. */
    private List<WriteBatch.Change> sample;
    private int journalRecordBytes;
    private GroupCommitFile floorFile;
    /** Fresh keys for the store alone, as the token service makes a fresh grant id and audit key. */
    private final AtomicLong nextKey = new AtomicLong();

    /** One caller: a user to generate for, or grants of its own to refresh. */
    @State(Scope.Thread)
    public static class Caller {

        String user;
        /** The current refresh token of each grant of this caller, for {@code tokenService}. */
        final String[] refreshTokens = new String[POOL];
        /** The key of each grant record of this caller, for {@code storeAlone}. */
        final String[] grantKeys = new String[POOL];
        int next;
        ByteBuffer floorRecord;

        @Setup(Level.Trial)
        public void setUp(TokenIssueBenchmark benchmark, ThreadParams thread) {
            user = "user-" + thread.getThreadIndex();
            if (benchmark.floorFile != null) {
                floorRecord = ByteBuffer.allocate(benchmark.journalRecordBytes);
            } else if (!benchmark.generating && benchmark.tokens != null) {
                for (int i = 0; i < POOL; i++) {
                    refreshTokens[i] = benchmark.fullyRotatedGrant(user);
                }
            } else if (!benchmark.generating) {
                WriteBatch.Change grant = benchmark.grantRecord();
                WriteBatch batch = new WriteBatch();
                for (int i = 0; i < POOL; i++) {
                    grantKeys[i] = benchmark.freshKey(grant.key().length());
                    batch.put(grant.collection(), grantKeys[i], grant.value());
                }
                benchmark.journal.write(batch);
            }
        }

        int nextInPool() {
            int current = next;
            next = (current + 1) % POOL;
            return current;
        }
    }

    /**
     * Forces per second, as a JMH counter. They are the store's, not one caller's, so the first
     * caller alone reports them: the forces from its iteration setup to its iteration teardown,
     * which JMH divides by its measured time. That window also holds the few milliseconds in which
     * JMH starts and stops the other callers, so the rate is a little high, by about that share.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Syncs {

        public long syncs;
        private long before;
        private boolean reports;

        @Setup(Level.Iteration)
        public void begin(TokenIssueBenchmark benchmark, ThreadParams thread) {
            reports = thread.getThreadIndex() == 0;
            syncs = 0;
            before = benchmark.syncCount();
        }

        @TearDown(Level.Iteration)
        public void end(TokenIssueBenchmark benchmark) {
            if (reports) {
                syncs = benchmark.syncCount() - before;
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException {
        generating = operation.equals("generate");
        if (!generating && !operation.equals("refresh")) {
            throw new IllegalArgumentException("operation is generate or refresh, not " + operation);
        }
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        folder = Path.of("target", "issue-stores", method + "-" + operation + "-t" + params.getThreads());
        deleteFolder(folder);
        Files.createDirectories(folder);
        sample = sampleBatch();
        journalRecordBytes = journalRecordBytes(sample);
        System.out.printf("setup: one %s writes %d records (%s) in a journal record of %,d bytes%n",
            operation, sample.size(), describe(sample), journalRecordBytes);

        switch (method) {
            case "tokenService" -> {
                journal = JournalStore.open(folder.resolve("store"), JournalStore.Options.defaults());
                tokens = LoadedTokenService.serviceOn(journal);
            }
            case "storeAlone" ->
                journal = JournalStore.open(folder.resolve("store"), JournalStore.Options.defaults());
            case "floor" -> floorFile = new GroupCommitFile(folder.resolve("floor"),
                params.getThreads() * journalRecordBytes);
            default -> throw new IllegalStateException("No setup for benchmark " + method);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (journal != null) {
            journal.close();
        }
        if (floorFile != null) {
            floorFile.close();
        }
        // A 64-caller trial leaves hundreds of megabytes; nothing reads them afterwards.
        deleteFolder(folder);
    }

    @Benchmark
    public TokenPair tokenService(Caller caller, Syncs syncs) {
        if (generating) {
            return tokens.generate(new TokenRequest(OneAppRegistry.APP, caller.user, "password".toCharArray(),
                Set.of(), "benchmark"));
        }
        int grant = caller.nextInPool();
        TokenPair pair = tokens.refresh(caller.refreshTokens[grant], CLIENT);
        caller.refreshTokens[grant] = pair.refreshToken();
        return pair;
    }

    @Benchmark
    public void storeAlone(Caller caller, Syncs syncs) {
        WriteBatch batch = new WriteBatch();
        for (WriteBatch.Change change : sample) {
            // A refresh replaces its grant's record; a generate and every audit entry add one.
            boolean replaces = !generating && change.collection().equals(TokenServiceImpl.GRANTS);
            String key = replaces ? caller.grantKeys[caller.nextInPool()] : freshKey(change.key().length());
            batch.put(change.collection(), key, change.value());
        }
        journal.write(batch);
    }

    @Benchmark
    public void floor(Caller caller, Syncs syncs) throws IOException, InterruptedException {
        floorFile.append(caller.floorRecord.clear());
    }

    long syncCount() {
        return floorFile != null ? floorFile.forces() : journal.syncCount();
    }

    /** @return the refresh token of a new grant of the user, refreshed until its record is full size */
    String fullyRotatedGrant(String user) {
        String refreshToken = tokens.generate(new TokenRequest(OneAppRegistry.APP, user, "password".toCharArray(),
            Set.of(), "benchmark")).refreshToken();
        // A record keeps the last ROTATED_KEPT rotated refresh tokens: measure a long-lived grant's.
        for (int i = 0; i < GrantState.ROTATED_KEPT; i++) {
            refreshToken = tokens.refresh(refreshToken, CLIENT).refreshToken();
        }
        return refreshToken;
    }

    /** @return the grant record of the sample batch */
    WriteBatch.Change grantRecord() {
        return sample.stream().filter(change -> change.collection().equals(TokenServiceImpl.GRANTS)).findFirst()
            .orElseThrow(() -> new IllegalStateException("The token service wrote no grant record: " + sample));
    }

    /** @return a key of the given length, unique in this trial */
    String freshKey(int length) {
        String digits = Long.toHexString(nextKey.incrementAndGet());
        return "0".repeat(Math.max(0, length - digits.length())) + digits;
    }

    /** @return the changes the token service writes for one operation on a long-lived grant */
    private List<WriteBatch.Change> sampleBatch() {
        LastBatch store = new LastBatch();
        TokenServiceImpl service = LoadedTokenService.serviceOn(store);
        TokenPair pair = service.generate(new TokenRequest(OneAppRegistry.APP, "user-0", "password".toCharArray(),
            Set.of(), "benchmark"));
        for (int i = 0; !generating && i <= GrantState.ROTATED_KEPT; i++) {
            pair = service.refresh(pair.refreshToken(), CLIENT);
        }
        return store.last.changes();
    }

    /**
     * @return the bytes the store appends to its journal for such a batch, measured rather than
     *     computed, so that the floor follows any change to the journal format
     */
    private int journalRecordBytes(List<WriteBatch.Change> changes) throws IOException {
        Path scratch = folder.resolve("sizing");
        WriteBatch batch = new WriteBatch();
        changes.forEach(change -> batch.put(change.collection(), change.key(), change.value()));
        try (JournalStore store = JournalStore.open(scratch, JournalStore.Options.defaults())) {
            long before = folderBytes(scratch);
            store.write(batch);
            return Math.toIntExact(folderBytes(scratch) - before);
        } finally {
            deleteFolder(scratch);
        }
    }

    private static String describe(List<WriteBatch.Change> changes) {
        return String.join(", ", changes.stream()
            .map(change -> change.collection() + " " + change.value().length + " bytes")
            .toList());
    }

    static long folderBytes(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    static void deleteFolder(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A store that keeps nothing and remembers the last batch written: what one operation writes. */
    private static final class LastBatch implements RecordStore {

        WriteBatch last;

        @Override
        public Optional<byte[]> read(String collection, String key) {
            return Optional.empty();
        }

        @Override
        public void forEach(String collection, BiConsumer<String, byte[]> action) {
        }

        @Override
        public void write(WriteBatch batch) {
            last = batch;
        }

        @Override
        public String location() {
            return "memory";
        }
    }
}
