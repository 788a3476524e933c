package io.gatepass.tokens.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenValidation;
import io.gatepass.spi.PrefixedSecret;

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

/**
 * {@code TokenService.validate} beside its floor: the SHA-256 of a token and one lookup in a
 * {@link ConcurrentHashMap} as large as the service's token index (two entries per grant: the
 * access token and the refresh token). Each benchmark thread presents its own token, as
 * separate clients would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class TokenValidationBenchmark {

    /** More tokens than benchmark threads, so that no two threads share one. */
    private static final int TOKENS = 16;

    @Param({"1000", "1000000"})
    public int grants;

    private final String[] tokens = new String[TOKENS];
    private final AtomicInteger nextToken = new AtomicInteger();
    private final String malformed = "Bearer this-is-not-a-token-at-all";
    private final String unknown = new String(PrefixedSecret.generate(TokenKind.ACCESS.prefix()));
    private LoadedTokenService service;
    private Map<ByteBuffer, Object> floorIndex;

    /** One client: its token and, for the floor, its digest. */
    @State(Scope.Thread)
    public static class Caller {

        String token;
        byte[] tokenBytes;
        MessageDigest digest;

        @Setup(Level.Trial)
        public void pickToken(TokenValidationBenchmark benchmark) throws Exception {
            token = benchmark.tokens[benchmark.nextToken.getAndIncrement() % TOKENS];
            tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
            digest = MessageDigest.getInstance("SHA-256");
        }
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        if (params.getBenchmark().endsWith(".floor")) {
            fillFloorIndex();
        } else {
            loadService();
        }
    }

    private void loadService() throws Exception {
        Path folder = Path.of("target", "grant-stores", "grants-" + grants);
        service = new LoadedTokenService(folder, grants);
        for (int i = 0; i < TOKENS; i++) {
            tokens[i] = service.issueFor(i).accessToken();
        }

        expect(service.tokens.validate(tokens[0]).isValid(), "valid token");
        expect(reasonFor(unknown) == InvalidTokenReason.UNKNOWN, "unknown token");
        expect(reasonFor(malformed) == InvalidTokenReason.MALFORMED, "garbage");
    }

    private void fillFloorIndex() throws Exception {
        int entries = 2 * grants;
        floorIndex = new ConcurrentHashMap<>(entries * 4 / 3 + 1);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < TOKENS; i++) {
            tokens[i] = new String(PrefixedSecret.generate(TokenKind.ACCESS.prefix()));
            byte[] hash = digest.digest(tokens[i].getBytes(StandardCharsets.US_ASCII));
            floorIndex.put(ByteBuffer.wrap(hash), tokens[i]);
        }
        SplittableRandom random = new SplittableRandom(42);
        while (floorIndex.size() < entries) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            floorIndex.put(ByteBuffer.wrap(hash), hash);
        }
    }

    private InvalidTokenReason reasonFor(String token) {
        return service.tokens.validate(token).reason().orElse(null);
    }

    private static void expect(boolean condition, String token) {
        if (!condition) {
            throw new IllegalStateException("Benchmark setup is wrong: unexpected answer for the "
                + token + ".");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (service != null) {
            service.close();
        }
    }

    @Benchmark
    public TokenValidation validateValid(Caller caller) {
        return service.tokens.validate(caller.token);
    }

    @Benchmark
    public Object floor(Caller caller) {
        return floorIndex.get(ByteBuffer.wrap(caller.digest.digest(caller.tokenBytes)));
    }

    @Benchmark
    public TokenValidation validateUnknownWellFormed() {
        return service.tokens.validate(unknown);
    }

    @Benchmark
    public TokenValidation validateMalformed() {
        return service.tokens.validate(malformed);
    }
}
