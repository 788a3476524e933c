package io.gatepass.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

import io.gatepass.client.ClientEvents;
import io.gatepass.client.ConnectionState;
import io.gatepass.client.ConnectionStatus;
import io.gatepass.client.ManagedToken;
import io.gatepass.client.ReauthorizationNeededException;
import io.gatepass.client.TokenUnavailableException;
import io.gatepass.spi.SecretVault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's tokens and their refresh schedule, free of OSGi. Every refresh, scheduled or
 * asked for, runs under one lock, so the refresh token is never sent twice. The pair a refresh
 * brings is written to the vault before anything uses it: until that write has returned, the
 * previous access token (still valid on the server) is handed out, so a crash at any instant
 * leaves the vault with a refresh token the server accepts (the current one, or the one rotated
 * away whose answer was lost, which the server accepts once more).
 */
final class ManagedConnection implements ManagedToken {

    /** An access token is handed out only while it stays valid at least this much longer. */
    static final Duration MIN_REMAINING = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ManagedConnection.class);

    /** Where the connection's events go; the component posts them on Event Admin. */
    interface EventSink {
        void post(String topic, Map<String, Object> properties);
    }

    private final ConnectionSettings settings;
    private final SecretVault vault;
    private final TokenEndpoint endpoint;
    private final Scheduler scheduler;
    private final Clock clock;
    private final EventSink events;
    private final RefreshTiming timing;
    private final String vaultName;
    private final ReentrantLock refreshing = new ReentrantLock();

    private volatile StoredTokens tokens;
    private volatile ConnectionState state = ConnectionState.NOT_AUTHORIZED;
    private volatile String problem;
    private volatile Instant lastRefresh;
    private volatile Instant nextAttempt;
    private volatile boolean closed;
    /** Received from the server but not yet durable in the vault; guarded by {@link #refreshing}. */
    private StoredTokens unsaved;
    private int failures;
    private Scheduler.Scheduled scheduled;

    ManagedConnection(ConnectionSettings settings, SecretVault vault, TokenEndpoint endpoint, Scheduler scheduler,
                      Clock clock, EventSink events, DoubleSupplier random) {
        this.settings = settings;
        this.vault = vault;
        this.endpoint = endpoint;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = events;
        this.timing = new RefreshTiming(settings, random);
        this.vaultName = "client/" + settings.name();
    }

    /** Reads the tokens from the vault and schedules the next refresh. */
    void start() {
        refreshing.lock();
        try {
            Optional<StoredTokens> stored = readVault();
            if (stored.isEmpty()) {
                if (state == ConnectionState.NOT_AUTHORIZED) {
                    LOG.info("Gatepass client connection '{}' has no tokens yet: generate tokens for app '{}' and"
                        + " import them with gatepass-client:import {}", settings.name(), settings.appId(),
                        settings.name());
                }
                return;
            }
            tokens = stored.get();
            if (tokens.reauthorizationNeeded() != null) {
                state = ConnectionState.REAUTHORIZATION_NEEDED;
                problem = reauthorizationText(tokens.reauthorizationNeeded());
                LOG.warn("Gatepass client connection '{}' needs re-authorization: {}", settings.name(), problem);
                return;
            }
            state = ConnectionState.READY;
            scheduleAt(timing.refreshDue(tokens, clock.instant()));
            LOG.info("Gatepass client connection '{}' to {} as app '{}' is ready; access token valid until {}",
                settings.name(), settings.serverUrl(), settings.appId(), tokens.accessTokenExpiresAt());
        } finally {
            refreshing.unlock();
        }
    }

    private Optional<StoredTokens> readVault() {
        Optional<byte[]> sealed;
        try {
            sealed = vault.get(vaultName);
        } catch (RuntimeException e) {
            needsReauthorization("Its tokens could not be read from the vault: " + e.getMessage());
            return Optional.empty();
        }
        try {
            return sealed.map(StoredTokens::decode);
        } catch (IllegalArgumentException e) {
            needsReauthorization("Its tokens in the vault cannot be used: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Stops the schedule; calls after this get {@link TokenUnavailableException}. */
    void close() {
        closed = true;
        refreshing.lock();
        try {
            cancelSchedule();
        } finally {
            refreshing.unlock();
        }
    }

    @Override
    public String connection() {
        return settings.name();
    }

    @Override
    public String accessToken() {
        StoredTokens current = tokens;
        if (state != ConnectionState.REAUTHORIZATION_NEEDED && current != null && isValid(current)) {
            return current.accessToken();
        }
        return refreshedAccessToken(null);
    }

    @Override
    public String freshAccessToken(String rejected) {
        return refreshedAccessToken(rejected == null ? "" : rejected);
    }

    private String refreshedAccessToken(String rejected) {
        refreshing.lock();
        try {
            requireAuthorized();
            StoredTokens current = tokens;
            if (isValid(current) && !current.accessToken().equals(rejected)) {
                return current.accessToken();
            }
            boolean waiting = state == ConnectionState.RETRYING && nextAttempt != null
                && clock.instant().isBefore(nextAttempt);
            // A 401 proves the server answers, so it is worth asking again before the retry is due.
            if (!waiting || rejected != null) {
                refreshNow();
                requireAuthorized();
            }
            current = tokens;
            if (isValid(current) && !current.accessToken().equals(rejected)) {
                return current.accessToken();
            }
            throw new TokenUnavailableException(settings.name(), "Connection '" + settings.name()
                + "' has no valid access token now: " + problem + " Next attempt at " + nextAttempt + ".");
        } finally {
            refreshing.unlock();
        }
    }

    private void requireAuthorized() {
        if (closed) {
            throw new TokenUnavailableException(settings.name(), "Connection '" + settings.name()
                + "' is stopping or being reconfigured.");
        }
        if (state == ConnectionState.NOT_AUTHORIZED) {
            throw new ReauthorizationNeededException(settings.name(), "Connection '" + settings.name()
                + "' has no tokens yet: generate tokens for app '" + settings.appId() + "' on the server and import"
                + " them with gatepass-client:import " + settings.name() + ".");
        }
        if (state == ConnectionState.REAUTHORIZATION_NEEDED) {
            throw new ReauthorizationNeededException(settings.name(), "Connection '" + settings.name()
                + "' needs re-authorization: " + problem);
        }
    }

    /** Refreshes now, as {@code gatepass-client:refresh} asks. */
    ConnectionStatus refreshNowAndReport() {
        refreshing.lock();
        try {
            requireAuthorized();
            refreshNow();
            return status();
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Takes over a refresh token an administrator generated: refreshes with it at once (so the
     * connection holds a pair no person has seen, and a wrong token is found now) and keeps the
     * new pair. On any failure the connection is left as it was.
     *
     * @param refreshToken the refresh token, checked for form first
     * @param clientSecret the client secret to keep in the vault, or null to keep the one there
     */
    ConnectionStatus importTokens(String refreshToken, char[] clientSecret) {
        ConnectionImport.checkRefreshToken(refreshToken);
        if (clientSecret != null) {
            ConnectionImport.checkClientSecret(clientSecret);
        }
        refreshing.lock();
        try {
            if (closed) {
                throw new TokenUnavailableException(settings.name(), "Connection '" + settings.name()
                    + "' is stopping or being reconfigured: import again in a moment.");
            }
            StoredTokens current = tokens != null ? tokens : readVault().orElse(null);
            String secret = clientSecret != null ? new String(clientSecret)
                : current == null ? "" : current.clientSecret();
            Instant sent = clock.instant();
            TokenEndpoint.Answer answer = ConnectionImport.exchange(endpoint, settings, refreshToken,
                secretFor(secret));
            StoredTokens received = StoredTokens.of(answer, sent, secret);
            ConnectionImport.save(vault, vaultName, received);

            unsaved = null;
            becomeReady(received);
            events.post(ClientEvents.AUTHORIZED, eventProperties(null));
            LOG.info("Gatepass client connection '{}' authorized as app '{}': tokens imported", settings.name(),
                settings.appId());
            return status();
        } finally {
            refreshing.unlock();
        }
    }

    private void scheduledRefresh() {
        refreshing.lock();
        try {
            if (closed || !(state == ConnectionState.READY || state == ConnectionState.RETRYING)) {
                return;
            }
            refreshNow();
        } catch (RuntimeException e) {
            // Whatever went wrong, the schedule must go on, or the connection would silently stop.
            LOG.error("Gatepass client connection '{}': unexpected failure while refreshing", settings.name(), e);
            failed("Unexpected failure: " + e.getClass().getSimpleName() + ".", null);
        } finally {
            refreshing.unlock();
        }
    }

    /** Caller holds {@link #refreshing}. */
    private void refreshNow() {
        if (unsaved == null) {
            StoredTokens current = tokens;
            Instant sent = clock.instant();
            try {
                TokenEndpoint.Answer answer = endpoint.refresh(current.refreshToken(),
                    secretFor(current.clientSecret()));
                unsaved = StoredTokens.of(answer, sent, current.clientSecret());
            } catch (TokenEndpoint.Refused e) {
                refusedForGood(current, e.getMessage());
                return;
            } catch (TokenEndpoint.Unreachable e) {
                failed(e.getMessage(), e.retryAfter());
                return;
            }
        }
        StoredTokens received = unsaved;
        try {
            vault.put(vaultName, received.encode());
        } catch (RuntimeException e) {
            LOG.error("Gatepass client connection '{}' received new tokens but could not save them in the vault;"
                + " it keeps using its current access token and tries again: {}", settings.name(), e.getMessage());
            failed("The new tokens could not be saved in the vault: " + e.getMessage(), null);
            return;
        }
        unsaved = null;
        becomeReady(received);
        events.post(ClientEvents.REFRESHED, eventProperties(null));
        LOG.debug("Gatepass client connection '{}' refreshed; access token valid until {}", settings.name(),
            received.accessTokenExpiresAt());
    }

    private void becomeReady(StoredTokens received) {
        tokens = received;
        state = ConnectionState.READY;
        problem = null;
        failures = 0;
        lastRefresh = clock.instant();
        scheduleAt(timing.refreshDue(received, clock.instant()));
    }

    private void refusedForGood(StoredTokens current, String why) {
        StoredTokens refused = current.refused(why);
        try {
            vault.put(vaultName, refused.encode());
        } catch (RuntimeException e) {
            LOG.warn("Gatepass client connection '{}' could not record in the vault that it needs re-authorization:"
                + " {}", settings.name(), e.getMessage());
        }
        tokens = refused;
        needsReauthorization(why);
    }

    private void needsReauthorization(String why) {
        cancelSchedule();
        state = ConnectionState.REAUTHORIZATION_NEEDED;
        problem = reauthorizationText(why);
        LOG.warn("Gatepass client connection '{}' needs re-authorization: {}", settings.name(), problem);
        events.post(ClientEvents.REAUTHORIZATION_NEEDED, eventProperties(why));
    }

    private String reauthorizationText(String why) {
        return why + " Generate new tokens for app '" + settings.appId() + "' and import them with"
            + " gatepass-client:import " + settings.name() + ".";
    }

    private void failed(String why, Duration retryAfter) {
        failures++;
        Duration delay = timing.backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        if (state != ConnectionState.REAUTHORIZATION_NEEDED && tokens != null) {
            state = ConnectionState.RETRYING;
        }
        problem = why;
        scheduleAt(clock.instant().plus(delay));
        LOG.warn("Gatepass client connection '{}' could not refresh (failure {} in a row): {} Next attempt in {} s",
            settings.name(), failures, why, Math.max(1, delay.toSeconds()));
    }

    private void scheduleAt(Instant when) {
        cancelSchedule();
        if (closed) {
            return;
        }
        nextAttempt = when;
        scheduled = scheduler.schedule(this::scheduledRefresh, Duration.between(clock.instant(), when));
    }

    private void cancelSchedule() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
        nextAttempt = null;
    }

    private boolean isValid(StoredTokens pair) {
        return pair != null && clock.instant().plus(MIN_REMAINING).isBefore(pair.accessTokenExpiresAt());
    }

    private char[] secretFor(String stored) {
        return settings.hasClientSecret() ? settings.clientSecret() : stored.toCharArray();
    }

    private Map<String, Object> eventProperties(String reason) {
        return reason == null
            ? Map.of(ClientEvents.CONNECTION, settings.name(), ClientEvents.APP_ID, settings.appId(),
                ClientEvents.SERVER_URL, settings.serverUrl())
            : Map.of(ClientEvents.CONNECTION, settings.name(), ClientEvents.APP_ID, settings.appId(),
                ClientEvents.SERVER_URL, settings.serverUrl(), ClientEvents.REASON, reason);
    }

    /** @return whether the configuration carries the client secret */
    boolean hasConfiguredSecret() {
        return settings.hasClientSecret();
    }

    /** @return whether a client secret was imported into the vault with the tokens */
    boolean hasStoredSecret() {
        StoredTokens current = tokens;
        return current != null && !current.clientSecret().isEmpty();
    }

    @Override
    public ConnectionStatus status() {
        StoredTokens current = tokens;
        return new ConnectionStatus(settings.name(), settings.serverUrl(), settings.appId(), state,
            current == null ? null : current.accessTokenExpiresAt(),
            current == null ? null : current.refreshTokenExpiresAt(), lastRefresh, nextAttempt, problem);
    }

    @Override
    public String toString() {
        return "ManagedToken[" + settings.name() + ", " + state.label() + "]";
    }
}
