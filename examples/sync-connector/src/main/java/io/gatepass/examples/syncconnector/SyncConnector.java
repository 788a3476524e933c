package io.gatepass.examples.syncconnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.gatepass.client.ManagedToken;
import io.gatepass.client.ManagedTokenException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example connector: it starts once the connection it names exists (by default one called
 * {@code example}), and every interval reads the items of the protected example endpoint.
 */
@Component(configurationPid = "io.gatepass.example.connector", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SyncConnectorConfig.class)
public final class SyncConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SyncConnector.class);

    private final ManagedToken token;
    private final ItemsSync sync;
    private final URI items;
    private final ScheduledExecutorService timer;
    /** Only touched by the timer's thread. */
    private String lastProblem;

    @Activate
    public SyncConnector(SyncConnectorConfig config, @Reference(name = "token") ManagedToken token) {
        this.token = token;
        this.items = URI.create(token.status().serverUrl() + config.dataPath());
        this.sync = new ItemsSync(token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            items);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatepass-example-connector");
            thread.setDaemon(true);
            return thread;
        });
        int interval = Math.max(1, config.intervalSeconds());
        timer.scheduleWithFixedDelay(this::synchronise, 1, interval, TimeUnit.SECONDS);
        LOG.info("Example connector reads {} every {} s with connection '{}'", items, interval, token.connection());
    }

    private void synchronise() {
        try {
            ItemsSync.Outcome outcome = sync.run();
            LOG.info("Example connector synchronised {} items from {} as user '{}' (connection '{}')",
                outcome.items(), items, outcome.actingAs(), token.connection());
            lastProblem = null;
        } catch (ManagedTokenException e) {
            warnOnce("Example connector skipped a synchronisation: " + e.getMessage());
        } catch (IOException e) {
            warnOnce("Example connector could not synchronise: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and carry on.
            LOG.error("Example connector failed unexpectedly", e);
        }
    }

    /** The same problem every interval is one warning, then debug lines until it changes. */
    private void warnOnce(String problem) {
        if (problem.equals(lastProblem)) {
            LOG.debug(problem);
        } else {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
