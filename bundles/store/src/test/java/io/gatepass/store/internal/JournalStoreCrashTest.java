package io.gatepass.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreCrashTest {

    private static final int ROUNDS = 3;
    private static final int ACKS_PER_ROUND = 2000;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedWriteSurvivesTheWriterBeingKilled() throws Exception {
        Path folder = temp.resolve("store");
        List<String> acknowledged = new ArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            acknowledged.addAll(killWriterAfterAcks(folder, "r" + round));

            try (JournalStore store = JournalStore.open(folder, JournalStore.Options.defaults())) {
                for (String key : acknowledged) {
                    assertThat(store.read("crash", key)).as("%s after round %d", key, round)
                            .hasValueSatisfying(value -> assertThat(value)
                                    .isEqualTo(CrashWriter.value(key)));
                }
            }
        }

        assertThat(new StoreFolder(folder).names()).as("compacted while writing")
                .anyMatch(name -> name.startsWith("snapshot-"));
    }

    /** @return the keys the writer acknowledged before it was killed */
    private List<String> killWriterAfterAcks(Path folder, String prefix) throws Exception {
        Path errors = temp.resolve(prefix + ".err");
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), folder.toString(), prefix, "8",
                String.valueOf(64 * 1024))
                .redirectError(errors.toFile())
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_PER_ROUND && (line = out.readLine()) != null) {
                acknowledged.add(line.substring("ACK ".length()));
            }
            // SIGKILL: no shutdown hook, no close, a write possibly half on disk.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(acknowledged).as("acknowledged writes; the writer said: %s",
                Files.readString(errors)).hasSize(ACKS_PER_ROUND);
        return acknowledged;
    }
}
