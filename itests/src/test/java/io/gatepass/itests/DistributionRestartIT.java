package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distribution as an administrator runs it: bin/start, bin/client, bin/stop, and again. */
class DistributionRestartIT {

    private KarafProcess karaf;

    @BeforeEach
    void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("gatepass.distribution"));
        karaf = KarafProcess.unpack(archive, Path.of("target/e2e/restart-" + System.nanoTime()));
    }

    @AfterEach
    void stop() throws Exception {
        karaf.close();
    }

    @Test
    void appsRegisteredWithTheClientAreThereAfterARestart() throws Exception {
        karaf.start();
        KarafProcess.Result registered = karaf.client("app:register --name \"E2E Sync\" --enable e2e-sync");
        karaf.client("app:register --public e2e-script");
        assertThat(registered.exitCode()).isZero();
        assertThat(registered.output()).contains("Registered client app 'e2e-sync' (confidential, enabled).")
            .contains("This secret will not be shown again");
        karaf.stop();

        karaf.start();
        KarafProcess.Result listed = karaf.client("app:list --no-format");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.output()).containsPattern("e2e-sync\\s+E2E Sync\\s+confidential\\s+yes")
            .containsPattern("e2e-script\\s+e2e-script\\s+public\\s+no");
    }

    @Test
    void appsAcknowledgedJustBeforeAKillAreThereAfterwards() throws Exception {
        karaf.start();
        for (int i = 0; i < 5; i++) {
            assertThat(karaf.client("app:register --enable e2e-kill-" + i).exitCode()).isZero();
        }

        karaf.kill();
        karaf.start();

        String listed = karaf.client("app:list --no-format").output();
        for (int i = 0; i < 5; i++) {
            assertThat(listed).containsPattern("e2e-kill-" + i + "\\s+e2e-kill-" + i + "\\s+confidential\\s+yes");
        }
    }

    @Test
    void aFailingCommandEndsTheClientWithAnErrorAndOneSentence() throws Exception {
        karaf.start();

        KarafProcess.Result result = karaf.client("app:enable e2e-missing");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("No client app named 'e2e-missing'. No apps are registered yet.");
    }

    @Test
    void theStoreFolderIsReadableByItsOwnerOnly() throws Exception {
        karaf.start();
        karaf.client("app:register e2e-perm");

        Path store = karaf.home().resolve("data/gatepass");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
        try (var files = Files.list(store)) {
            files.filter(Files::isRegularFile).forEach(file -> assertThat(permissions(file)).as(file.toString())
                .isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
