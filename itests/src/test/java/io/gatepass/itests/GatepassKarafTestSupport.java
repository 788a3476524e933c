package io.gatepass.itests;

import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.security.auth.Subject;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.TokenService;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the built Gatepass distribution (the tar.gz of karaf-distribution) with free ports and
 * runs shell commands in it as an administrator.
 */
public abstract class GatepassKarafTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        File archive = new File(System.getProperty("gatepass.distribution"));
        String localRepository = System.getProperty("maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration()
                .frameworkUrl("file:" + archive.getAbsolutePath())
                .unpackDirectory(new File("target/exam"))
                .name("Gatepass")
                .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                String.valueOf(FreePorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort",
                String.valueOf(FreePorts.next())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                "org.ops4j.pax.url.mvn.localRepository", localRepository),
            // Test libraries the probe uses inside the container; versions from the POM.
            mavenBundle("org.hamcrest", "hamcrest", System.getProperty("version.hamcrest")),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("version.awaitility")),
            mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("version.bytebuddy")),
            mavenBundle("org.assertj", "assertj-core", System.getProperty("version.assertj")),
        };
    }

    /**
     * Runs a command as an administrator, waiting until the command exists (after a bundle update
     * it comes back a moment later).
     *
     * @return what it printed
     * @throws CommandFailure with the printed output and the error message if it failed
     */
    protected String execute(String command) {
        return execute(command, "");
    }

    protected String execute(String command, String input) {
        AtomicReference<String> output = new AtomicReference<>();
        await("command " + command.split(" ")[0] + " is available").atMost(PATIENCE)
            .until(() -> {
                try {
                    output.set(run(command, input));
                    return true;
                } catch (CommandNotFound e) {
                    return false;
                }
            });
        return output.get();
    }

    private String run(String command, String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, out);
        Subject admin = new Subject(false, Set.of(new UserPrincipal("karaf"), new RolePrincipal("admin"),
            new RolePrincipal("manager"), new RolePrincipal("viewer")), Set.of(), Set.of());
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            out.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            // Checked exceptions come wrapped by doAs, runtime ones (most command errors) do not.
            Exception cause = e instanceof java.security.PrivilegedActionException wrapped ? wrapped.getException() : e;
            if (cause.getClass().getSimpleName().equals("CommandNotFoundException")) {
                throw new CommandNotFound();
            }
            out.flush();
            throw new CommandFailure(command, bytes.toString(StandardCharsets.UTF_8), cause);
        } finally {
            session.close();
        }
    }

    /** @return the Gatepass bundle with this artifact id, e.g. {@code gatepass-store} */
    protected Bundle gatepassBundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
            .filter(bundle -> bundle.getSymbolicName().equals(symbolicName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No bundle " + symbolicName));
    }

    /** @return the registry service once it is (back) in the service registry */
    protected ClientAppRegistry registry() throws InterruptedException {
        return service(ClientAppRegistry.class);
    }

    /** @return the token service once it is (back) in the service registry */
    protected TokenService tokens() throws InterruptedException {
        return service(TokenService.class);
    }

    /** @return the service, waiting for it to (re)appear after a bundle update */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(PATIENCE.toMillis());
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not appear within " + PATIENCE);
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    private static final class CommandNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A command ended with an error; holds what it printed and the error's message. */
    protected static final class CommandFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String output;

        CommandFailure(String command, String output, Exception cause) {
            super(cause.getMessage(), cause);
            this.output = output;
        }

        public String output() {
            return output;
        }
    }
}
