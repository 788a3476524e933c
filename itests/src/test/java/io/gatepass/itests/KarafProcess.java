package io.gatepass.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution unpacked into a folder of its own and run as a real process with
 * {@code bin/start}, driven through {@code bin/client} as an administrator would.
 */
final class KarafProcess implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Path home;
    private final int sshPort;
    private final int httpPort;

    private KarafProcess(Path home, int sshPort, int httpPort) {
        this.home = home;
        this.sshPort = sshPort;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution under {@code parent} and gives it free ports. */
    static KarafProcess unpack(Path archive, Path parent) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        run(parent, List.of("tar", "-xzf", archive.toString()), Duration.ofMinutes(2));
        Path home;
        try (var children = Files.list(parent)) {
            home = children.filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IOException("Nothing unpacked from " + archive));
        }
        int sshPort = FreePorts.next();
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", sshPort);
        int httpPort = FreePorts.next();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", FreePorts.next());
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", FreePorts.next());
        return new KarafProcess(home, sshPort, httpPort);
    }

    Path home() {
        return home;
    }

    /** @return the HTTP port chosen for this instance (web console, HTTP endpoints) */
    int httpPort() {
        return httpPort;
    }

    /** Starts Karaf and waits until the Gatepass commands answer. */
    void start() throws IOException, InterruptedException {
        startAndWaitFor("app:list --no-format");
    }

    /** Starts Karaf and waits until the given command succeeds through bin/client. */
    void startAndWaitFor(String command) throws IOException, InterruptedException {
        run(home, List.of("bin/start"), Duration.ofMinutes(1));
        waitForCommand(command);
    }

    /** Waits until the command succeeds, e.g. once a feature's commands are registered. */
    void waitForCommand(String command) {
        await("Karaf answers '" + command + "' on SSH").atMost(PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> client(command).exitCode() == 0);
    }

    /**
     * Stops Karaf and waits for its JVM to exit: {@code bin/status} says "Not Running" while
     * the JVM is still shutting down, and a {@code bin/start} in that moment does nothing.
     */
    void stop() throws IOException, InterruptedException {
        run(home, List.of("bin/stop"), Duration.ofMinutes(1));
        await("the Karaf JVM has exited").atMost(PATIENCE).until(() -> !isRunning());
    }

    /** Ends the Karaf JVM at once with SIGKILL, as a crash or an OOM killer would. */
    void kill() {
        karafJvm().ifPresent(ProcessHandle::destroyForcibly);
        await("the Karaf JVM has been killed").atMost(PATIENCE).until(() -> !isRunning());
    }

    boolean isRunning() {
        return karafJvm().map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<ProcessHandle> karafJvm() {
        Path pidFile = home.resolve("karaf.pid");
        try {
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return how the command ended and what it printed, standard output and error together */
    Result client(String command) throws IOException, InterruptedException {
        return client(command + "\n", "-b");
    }

    /**
     * A conversation with an interactive shell session on a pseudo-terminal (made by
     * {@code script}, from util-linux), as a person at a terminal has it: wait for each prompt,
     * then type the answer, so that commands can ask for input at masked prompts.
     *
     * @param exchange pairs of (text to wait for, line to type); the session logs out at the end
     * @return everything the session printed
     */
    String converse(String... exchange) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", String.join(" ", clientCommand()), "/dev/null")
            .directory(home.toFile())
            .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("[read failed: ").append(e.getMessage()).append(']');
            }
        });
        reader.start();
        try (var in = process.getOutputStream()) {
            int seen = 0;
            for (int i = 0; i < exchange.length; i += 2) {
                String prompt = exchange[i];
                int from = seen;
                await("the prompt '" + prompt + "'").atMost(PATIENCE)
                    .until(() -> output.indexOf(prompt, from) >= 0);
                seen = output.indexOf(prompt, from) + prompt.length();
                in.write((exchange[i + 1] + "\r").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            await("the end of the last command").atMost(PATIENCE)
                .until(() -> output.lastIndexOf("@root()>") > output.length() - 200);
            in.write("logout\r".getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        reader.join(TimeUnit.MINUTES.toMillis(1));
        return output.toString();
    }

    private Result client(String input, String option) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(clientCommand());
        command.add(option);
        return talk(command, input);
    }

    private List<String> clientCommand() {
        // Through script's shell: the arguments are plain words.
        return List.of("bin/client", "-a", String.valueOf(sshPort), "-h", "127.0.0.1", "-u", "karaf", "-p", "karaf",
            "-r", "3", "-d", "1");
    }

    private Result talk(List<String> command, String input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder
            .directory(home.toFile())
            .redirectErrorStream(true)
            .start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("bin/client did not finish within a minute: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (isRunning()) {
            stop();
        }
    }

    /** How a command ended: its exit code and everything it printed. */
    record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, List<String> command, Duration limit)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within " + limit + ": " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static void setProperty(Path file, String key, int value) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            List<String> kept = lines.stream().filter(line -> !line.trim().startsWith(key + " ")
                && !line.trim().startsWith(key + "=")).toList();
            Files.write(file, kept);
            Files.writeString(file, System.lineSeparator() + key + " = " + value + System.lineSeparator(),
                java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set " + key + " in " + file, e);
        }
    }
}
