package io.gatepass.tokens.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientCredentials;
import io.gatepass.api.GatepassEvents;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenService;
import io.gatepass.spi.CredentialVerifier;
import io.gatepass.spi.RecordStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link TokenService} on the store, the registry and a credential verifier. When
 * any of them goes away (its bundle is updated) this component goes too, and comes back,
 * reloaded from the store, when they return. Also revokes the grants of an app as soon as the
 * app is deleted.
 */
@Component(
    service = {TokenService.class, EventHandler.class},
    configurationPid = "io.gatepass.tokens",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = EventConstants.EVENT_TOPIC + "=" + GatepassEvents.APP_DELETED)
@Designate(ocd = TokenConfig.class)
public class TokenServiceComponent extends TokenServiceImpl implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TokenServiceComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final InFlightChanges changes = new InFlightChanges();
    private final ScheduledExecutorService scheduler;
    private final GrantUses uses;
    private final GrantSweeper sweeper;

    @Activate
    public TokenServiceComponent(@Reference RecordStore store, @Reference ClientAppRegistry registry,
                                 @Reference(policyOption = ReferencePolicyOption.GREEDY) CredentialVerifier verifier,
                                 TokenConfig config) {
        this(store, registry, verifier, config, new EventAdminSink());
    }

    private TokenServiceComponent(RecordStore store, ClientAppRegistry registry, CredentialVerifier verifier,
                                  TokenConfig config, EventAdminSink sink) {
        super(store, registry, verifier, new LoginThrottle(Clock.systemUTC(), TokenSettings.throttle(config)),
            Clock.systemUTC(), TokenSettings.from(config), sink);
        sink.owner = this;
        uses = new GrantUses(store, registry);
        sweeper = new GrantSweeper(this, store, registry, uses, sink, Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gatepass-token-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> quietly("sweep", sweeper::sweep));
        scheduler.scheduleWithFixedDelay(() -> quietly("sweep", sweeper::sweep), config.sweepIntervalSeconds(),
            config.sweepIntervalSeconds(), TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::flushUses, config.lastUsedFlushSeconds(),
            config.lastUsedFlushSeconds(), TimeUnit.SECONDS);
        LOG.debug("Token service activated with {} grants", grantCount());
    }

    @Modified
    void modified(TokenConfig config) {
        updateSettings(TokenSettings.from(config));
        LOG.info("Token settings changed: access tokens live {}, refresh tokens {}, idle timeout {}",
            config.accessTokenLifetime(), config.refreshTokenLifetime(), config.refreshTokenIdleTimeout());
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        if (!changes.close(Duration.ofSeconds(30))) {
            LOG.warn("Token changes were still under way 30 s after the token service began to stop");
        }
        flushUses();
        LOG.debug("Token service deactivated");
    }

    @Override
    public void handleEvent(Event event) {
        Object appId = event.getProperty(GatepassEvents.APP_ID);
        if (appId instanceof String id) {
            quietly("revoke the grants of deleted app " + id, () -> revokeApp(id, "gatepass"));
        }
    }

    @Override
    public TokenPair generate(TokenRequest request) {
        return changes.run(() -> super.generate(request));
    }

    @Override
    public TokenPair refresh(String refreshToken, ClientCredentials client) {
        return changes.run(() -> super.refresh(refreshToken, client));
    }

    @Override
    public boolean revokeToken(String token, String source) {
        return changes.run(() -> super.revokeToken(token, source));
    }

    @Override
    public boolean revokeGrant(String grantId, String source) {
        return changes.run(() -> super.revokeGrant(grantId, source));
    }

    @Override
    public int revokeApp(String appId, String source) {
        return changes.run(() -> super.revokeApp(appId, source));
    }

    @Override
    public int revokeUser(String username, String source) {
        return changes.run(() -> super.revokeUser(username, source));
    }

    @Override
    public int revokeAll(String source) {
        return changes.run(() -> super.revokeAll(source));
    }

    @Override
    public boolean unlock(String username, String source) {
        return changes.run(() -> super.unlock(username, source));
    }

    private void flushUses() {
        quietly("write last-used times", () -> uses.flush(grantStates()));
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Could not {}", what, e);
        }
    }

    /** Posts token events on Event Admin when it is there. */
    private static final class EventAdminSink implements TokenEventSink {

        private TokenServiceComponent owner;

        @Override
        public void post(String topic, Map<String, Object> properties) {
            EventAdmin admin = owner == null ? null : owner.eventAdmin;
            if (admin != null) {
                admin.postEvent(new Event(topic, properties));
            }
        }
    }
}
