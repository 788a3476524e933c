package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The distribution with its store on a 16 MiB tmpfs that fills up: every change then answers a
 * clear 503 and changes nothing, tokens keep being validated, and once space returns everything
 * works again, across a restart, without losing anything acknowledged. Mounting needs root or
 * passwordless sudo, as installing Chromium in {@code ./test.sh} does.
 */
class DiskFullIT {

    private static final String APP = "it-disk-full";
    private static final String STORE_FAILED = "{\"error\":\"temporarily_unavailable\",\"error_description\":"
        + "\"Gatepass could not store the change, so nothing was changed; try again later. The server log says"
        + " why.\"}";

    private Path disk;
    private GatepassServer server;
    private String basic;

    @AfterEach
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (disk != null) {
                run("umount", "-l", disk.toString());
            }
        }
    }

    @Test
    void aFullDiskRefusesChangesClearlyAndLosesNothingWhenSpaceReturns() throws Exception {
        Path mountPoint = Files.createDirectories(Path.of("target/e2e/disk-full-" + System.nanoTime())
            .toAbsolutePath());
        Object uid = Files.getAttribute(mountPoint, "unix:uid");
        Object gid = Files.getAttribute(mountPoint, "unix:gid");
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700,uid=" + uid + ",gid=" + gid, "tmpfs",
            mountPoint.toString()))
            .as("mounting a 16 MiB tmpfs for the store (needs root or passwordless sudo)").isZero();
        disk = mountPoint;
        server = GatepassServer.start("disk-full", 1_000_000, home -> Files.writeString(
            home.resolve("etc/io.gatepass.store.cfg"), "directory = " + disk.resolve("gatepass") + "\n"));
        basic = GatepassServer.basic(APP, server.registerApp(APP, false));
        JsonNode before = generate();

        Path filler = disk.resolve("filler");
        fill(filler);
        // The journal's last page may still take a record or two; the disk is full once a change fails.
        List<JsonNode> acknowledged = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            HttpResponse<String> response = postGenerate();
            if (response.statusCode() == 201) {
                acknowledged.add(GatepassServer.json(response));
            } else {
                refused = response;
            }
        }
        assertThat(refused).as("a generate on a full disk").isNotNull();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("10");

        HttpResponse<String> refresh = refresh(before.get("refresh_token").asText());
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(503);
        assertThat(refresh.body()).isEqualTo(STORE_FAILED);
        assertThat(active(before.get("access_token").asText())).as("validation needs no disk").isTrue();
        assertThat(active(before.get("refresh_token").asText())).as("the refresh token of the failed refresh").isTrue();
        String log = Files.readString(server.karaf().home().resolve("data/log/karaf.log"));
        assertThat(log).contains("No space left on device").contains(disk.resolve("gatepass").toString());

        Files.delete(filler);

        JsonNode after = generate();
        HttpResponse<String> retried = refresh(before.get("refresh_token").asText());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode rotated = GatepassServer.json(retried);
        server.karaf().stop();
        server.karaf().start();
        server.awaitEndpoints();

        assertThat(active(after.get("access_token").asText())).isTrue();
        assertThat(active(rotated.get("access_token").asText())).isTrue();
        assertThat(active(rotated.get("refresh_token").asText())).isTrue();
        assertThat(active(before.get("refresh_token").asText())).as("rotated away").isFalse();
        for (JsonNode pair : acknowledged) {
            assertThat(active(pair.get("refresh_token").asText())).as("acknowledged on the filling disk").isTrue();
        }
    }

    private JsonNode generate() throws Exception {
        HttpResponse<String> response = postGenerate();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return GatepassServer.json(response);
    }

    private HttpResponse<String> postGenerate() throws Exception {
        return server.admin("POST", "/apps/" + APP + "/tokens", "{\"username\":\"" + GatepassServer.VIEWER
            + "\",\"password\":\"" + GatepassServer.VIEWER_PASSWORD + "\"}");
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return server.postForm("/gatepass/oauth/token", basic, "grant_type=refresh_token&refresh_token="
            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8));
    }

    private boolean active(String token) throws Exception {
        HttpResponse<String> response = server.postForm("/gatepass/oauth/introspect", basic,
            "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GatepassServer.json(response).get("active").asBoolean();
    }

    /** Writes to the file until the file system has no byte left. */
    private static void fill(Path file) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    /** @return the exit code of the command, run directly when root, else through sudo -n */
    private static int run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("sudo", "-n"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            System.out.printf("DiskFullIT: %s exited with %d: %s%n", String.join(" ", line), process.exitValue(),
                output.strip());
        }
        return process.exitValue();
    }
}
