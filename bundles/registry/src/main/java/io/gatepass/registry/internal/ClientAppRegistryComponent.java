package io.gatepass.registry.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.GatepassEvents;
import io.gatepass.api.GatepassException;
import io.gatepass.spi.RecordStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link ClientAppRegistry} service on top of whichever {@link RecordStore} is
 * present. When the store goes away (its bundle is updated) this component goes with it and
 * comes back, reloaded from the store, when the store does.
 */
@Component(
    service = ClientAppRegistry.class,
    configurationPid = "io.gatepass.registry",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegistryConfig.class)
public class ClientAppRegistryComponent extends ClientAppRegistryImpl {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAppRegistryComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final ScheduledExecutorService flusher;

    @Activate
    public ClientAppRegistryComponent(@Reference RecordStore store, RegistryConfig config) {
        this(store, config, new EventAdminSink());
    }

    private ClientAppRegistryComponent(RecordStore store, RegistryConfig config, EventAdminSink sink) {
        super(store, Clock.systemUTC(), sink);
        sink.owner = this;
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gatepass-registry-last-used");
            thread.setDaemon(true);
            return thread;
        });
        int interval = config.lastUsedFlushSeconds();
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.SECONDS);
        LOG.debug("Client app registry activated on store {}", store.location());
    }

    @Deactivate
    void deactivate() {
        flusher.shutdownNow();
        flushQuietly();
        LOG.debug("Client app registry deactivated");
    }

    private void flushQuietly() {
        try {
            flushUses();
        } catch (GatepassException e) {
            LOG.error("Could not write the last-used times of client apps", e);
        }
    }

    /** Posts app events on Event Admin when it is there; events are a courtesy, not a duty. */
    private static final class EventAdminSink implements AppEventSink {

        private ClientAppRegistryComponent owner;

        @Override
        public void post(String topic, String appId) {
            EventAdmin admin = owner == null ? null : owner.eventAdmin;
            if (admin != null) {
                admin.postEvent(new Event(topic, Map.of(GatepassEvents.APP_ID, appId)));
            }
        }
    }
}
