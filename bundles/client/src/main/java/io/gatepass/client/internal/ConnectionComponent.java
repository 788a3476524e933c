package io.gatepass.client.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import io.gatepass.api.GatepassException;
import io.gatepass.client.ManagedToken;
import io.gatepass.spi.SecretVault;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
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
 * One connection per factory configuration. The {@link ManagedToken} service is registered by
 * hand rather than by DS, so that no configuration property (the client secret among them) ever
 * becomes a service property: it carries only the name, the app and the server.
 */
@Component(
    service = {},
    configurationPid = "io.gatepass.client.connection",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConnectionConfig.class, factory = true)
public final class ConnectionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final ManagedConnection connection;
    private final Scheduler scheduler;
    private final ServiceRegistration<ManagedToken> registration;

    @Activate
    public ConnectionComponent(BundleContext context, ConnectionConfig config,
                               @Reference(name = "vault") SecretVault vault) {
        ConnectionSettings settings;
        try {
            settings = ConnectionSettings.from(config);
            requireUniqueName(context, settings.name());
        } catch (GatepassException e) {
            LOG.error("A Gatepass client connection (io.gatepass.client.connection) did not start: {}",
                e.getMessage());
            throw e;
        }
        scheduler = new ExecutorScheduler(settings.name());
        SecureRandom random = new SecureRandom();
        connection = new ManagedConnection(settings, vault,
            new HttpTokenEndpoint(settings.tokenEndpoint(), settings.appId(), settings.timeout(), Clock.systemUTC()),
            scheduler, Clock.systemUTC(), this::post, random::nextDouble);
        connection.start();

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ManagedToken.CONNECTION, settings.name());
        properties.put("gatepass.app", settings.appId());
        properties.put("gatepass.server", settings.serverUrl());
        registration = context.registerService(ManagedToken.class, connection, properties);
    }

    private static void requireUniqueName(BundleContext context, String name) {
        try {
            if (context.getServiceReferences(ManagedToken.class, "(" + ManagedToken.CONNECTION + "=" + name + ")")
                .stream().findAny().isPresent()) {
                throw new GatepassException("Another connection is already named '" + name + "': give each"
                    + " io.gatepass.client.connection configuration its own name.");
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("The connection name pattern let through a character LDAP rejects", e);
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        connection.close();
        scheduler.shutdown();
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(topic, properties));
        }
    }
}
