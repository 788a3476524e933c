package io.gatepass.tokens.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.gatepass.spi.WriteBatch;
import io.gatepass.store.internal.JournalStore;

/**
 * Retained heap per live grant, and startup time, of the token service on the embedded store.
 * Not JMH benchmarks: each is one measurement of a loaded process, not a rate. Each command runs
 * in a JVM of its own, started by {@code run.sh}:
 * <pre>
 * prepare FOLDER GRANTS [R]   generates grants until FOLDER holds GRANTS, from 64 callers, each
 *                             refreshed R times (default 0), then sweeps as the token service
 *                             does when it starts
 * startup OUT.json FOLDER     times opening the store and loading the token service from it
 * memory OUT.json FOLDER...   retained heap after GC with each FOLDER loaded, minus the same with
 *                             an empty store; run it with -XX:+UseSerialGC
 * </pre>
 */
public final class MemoryAndStartup {

    /** Classes listed by name in each breakdown; the rest are summed up. */
    private static final int TOP_CLASSES = 12;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A line of {@code GC.class_histogram}: rank, instances, bytes, class name. */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private MemoryAndStartup() {
    }

    public static void main(String[] args) throws Exception {
        String usage = "usage: MemoryAndStartup prepare FOLDER GRANTS [ROTATIONS] | startup OUT.json FOLDER"
            + " | memory OUT.json FOLDER...";
        if (args.length < 3) {
            throw new IllegalArgumentException(usage);
        }
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]),
                args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "startup" -> write(Path.of(args[1]), startup(Path.of(args[2])));
            case "memory" -> {
                List<Path> folders = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    folders.add(Path.of(args[i]));
                }
                write(Path.of(args[1]), memory(folders));
            }
            default -> throw new IllegalArgumentException(usage);
        }
    }

    /**
     * Fills the folder with grants, then runs the sweeper once, as the OSGi component does when it
     * starts: it trims the audit trail to its configured size (10,000 entries by default), which
     * generating has grown to one entry per grant. Without that, the store would hold one audit
     * record per grant, which a running service never keeps.
     */
    private static void prepare(Path folder, int grants, int rotations) throws Exception {
        try (LoadedTokenService service = new LoadedTokenService(folder, grants, rotations)) {
            long start = System.nanoTime();
            OneAppRegistry registry = new OneAppRegistry();
            int before = service.tokens.auditTrail().size();
            new GrantSweeper(service.tokens, service.journal(), registry,
                new GrantUses(service.journal(), registry), (topic, properties) -> { }, Clock.systemUTC()).sweep();
            System.out.printf("setup: swept the store of %,d grants, as the token service does when it starts:"
                    + " audit trail trimmed from %,d to %,d entries in %.1f s%n", service.tokens.grantCount(),
                before, service.tokens.auditTrail().size(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** In a fresh JVM, as after a restart: the class loading and the cold JIT are part of it. */
    private static Map<String, Object> startup(Path folder) throws IOException {
        long start = System.nanoTime();
        JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults());
        long opened = System.nanoTime();
        TokenServiceImpl tokens = LoadedTokenService.serviceOn(store);
        long loaded = System.nanoTime();
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("grants", tokens.grantCount());
            result.put("records", store.recordCounts());
            result.put("diskBytes", TokenIssueBenchmark.folderBytes(folder));
            result.put("storeOpenSeconds", (opened - start) / 1e9);
            result.put("serviceLoadSeconds", (loaded - opened) / 1e9);
            System.out.printf("startup: opened the store of %,d grants in %.2f s; the token service loaded them"
                + " in %.2f s%n", tokens.grantCount(), (opened - start) / 1e9, (loaded - opened) / 1e9);
            return result;
        } finally {
            store.close();
        }
    }

    private static Map<String, Object> memory(List<Path> folders) throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "memory-");
        try {
            // Start the management beans first, so that every measurement holds them, the empty one too.
            histogram(work.resolve("warm-up.txt"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            Loaded zero = load(work.resolve("empty-store"), work.resolve("empty"));
            List<Loaded> loaded = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                loaded.add(load(folders.get(i), work.resolve("run-" + i)));
            }
            result.put("empty", zero.toJson(null));
            List<Object> runs = new ArrayList<>();
            for (Loaded run : loaded) {
                runs.add(run.toJson(zero));
            }
            result.put("runs", runs);
            return result;
        } finally {
            TokenIssueBenchmark.deleteFolder(work);
        }
    }

    /**
     * Heap used with the store alone open, then with the token service loaded from it too. The
     * class histograms go to files, so that no measurement holds those of an earlier one.
     */
    private static Loaded load(Path folder, Path histograms) throws Exception {
        JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults());
        try {
            // A write waits for a compaction the writer may start on opening, whose buffers are not retained.
            store.write(new WriteBatch().delete(TokenServiceImpl.GRANTS, "no-such-grant"));
            long storeOnly = settledHeap();
            histogram(Path.of(histograms + "-store.txt"));
            TokenServiceImpl tokens = LoadedTokenService.serviceOn(store);
            long full = settledHeap();
            histogram(Path.of(histograms + "-full.txt"));
            double rotated = tokens.grantStates().stream().mapToInt(g -> g.tokens.rotatedCount()).average()
                .orElse(0);
            Loaded loaded = new Loaded(tokens.grantCount(), rotated, Map.copyOf(store.recordCounts()), storeOnly,
                full, histograms);
            System.out.printf("memory: %,d grants: %,d bytes used with the store alone, %,d with the token service"
                + " too%n", loaded.grants, storeOnly, full);
            // The service must stay reachable until both measurements are done.
            Reference.reachabilityFence(tokens);
            return loaded;
        } finally {
            store.close();
        }
    }

    /** @return heap used after full collections, once two in a row agree to within 64 KiB */
    private static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** Writes the JVM's own class histogram of live objects (it collects garbage first) to the file. */
    private static void histogram(Path file) throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
            new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.writeString(file, text);
    }

    /** @return live instances and bytes by class, from a histogram file */
    private static Map<String, long[]> readHistogram(Path file) throws IOException {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher matcher = HISTOGRAM_LINE.matcher(line);
            if (matcher.find()) {
                classes.merge(readable(matcher.group(3)),
                    new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }

    /** @return a JVM class name as Java spells it: {@code [B} is {@code byte[]} */
    private static String readable(String name) {
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = name.substring(dimensions);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dimensions);
    }

    private static void write(Path out, Map<String, Object> result) throws IOException {
        JSON.writeValue(out.toFile(), result);
    }

    private record Loaded(int grants, double rotatedPerGrant, Map<String, Integer> records, long storeOnly,
                          long full, Path histograms) {

        Map<String, Object> toJson(Loaded zero) throws IOException {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("grants", grants);
            json.put("rotatedPerGrant", rotatedPerGrant);
            json.put("records", new TreeMap<>(records));
            json.put("storeAloneHeapBytes", storeOnly);
            json.put("storeAndServiceHeapBytes", full);
            if (zero != null) {
                json.put("storeBytes", storeOnly - zero.storeOnly);
                json.put("totalBytes", full - zero.full);
                json.put("storeClasses", largest(difference(storeHistogram(), zero.storeHistogram())));
                json.put("serviceClasses", largest(difference(difference(fullHistogram(), storeHistogram()),
                    difference(zero.fullHistogram(), zero.storeHistogram()))));
            }
            return json;
        }

        private Map<String, long[]> storeHistogram() throws IOException {
            return readHistogram(Path.of(histograms + "-store.txt"));
        }

        private Map<String, long[]> fullHistogram() throws IOException {
            return readHistogram(Path.of(histograms + "-full.txt"));
        }

        /** @return instances and bytes by class of a minus b */
        private static Map<String, long[]> difference(Map<String, long[]> a, Map<String, long[]> b) {
            Map<String, long[]> change = new HashMap<>();
            a.forEach((name, counts) -> change.put(name, counts.clone()));
            b.forEach((name, counts) -> change.merge(name, new long[] {-counts[0], -counts[1]},
                (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]}));
            return change;
        }

        /** @return the classes that grew most, by bytes, largest first, and the rest summed up as one */
        private static Map<String, long[]> largest(Map<String, long[]> change) {
            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(change.entrySet());
            sorted.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
            Map<String, long[]> top = new LinkedHashMap<>();
            long[] rest = new long[2];
            for (int i = 0; i < sorted.size(); i++) {
                long[] counts = sorted.get(i).getValue();
                if (i < TOP_CLASSES) {
                    top.put(sorted.get(i).getKey(), counts);
                } else {
                    rest[0] += counts[0];
                    rest[1] += counts[1];
                }
            }
            top.put("other classes", rest);
            return top;
        }
    }
}
