package io.gatepass.tokens.internal;

import java.time.Clock;
import java.time.Duration;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientCredentials;
import io.gatepass.api.GatepassEvents;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidClientException;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.InvalidTokenReason;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenService;
import io.gatepass.api.TokenValidation;
import io.gatepass.spi.CredentialVerifier;
import io.gatepass.spi.PrefixedSecret;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token service's logic, free of OSGi. Every grant lives in memory, indexed by the hashes of
 * its tokens; every change is written to the {@link RecordStore} before memory and callers see
 * it. Changes to one grant hold that grant's monitor; grants change concurrently, so their store
 * writes share syncs.
 */
class TokenServiceImpl implements TokenService {

    static final String GRANTS = "grants";
    /** How soon after a rotation the token rotated away may be presented again; see isRetryAfterLostAnswer. */
    static final long RETRY_NOT_SOONER_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(TokenServiceImpl.class);

    private final RecordStore store;
    private final ClientAppRegistry registry;
    private final CredentialVerifier verifier;
    private final LoginThrottle throttle;
    private final PasswordCheck passwords;
    private final Clock clock;
    private final TokenEventSink events;
    private final GrantCodec codec = new GrantCodec();
    private final AuditTrail audit;
    private final GrantRevocations revocations;
    private final TokenIndex index = new TokenIndex();
    private volatile TokenSettings settings;

    /** Where token events go; the OSGi component posts them on Event Admin. */
    interface TokenEventSink {
        void post(String topic, Map<String, Object> properties);
    }

    TokenServiceImpl(RecordStore store, ClientAppRegistry registry, CredentialVerifier verifier,
                     LoginThrottle throttle, Clock clock, TokenSettings settings, TokenEventSink events) {
        this.store = store;
        this.registry = registry;
        this.verifier = verifier;
        this.throttle = throttle;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.audit = new AuditTrail(store, clock);
        this.passwords = new PasswordCheck(verifier, throttle, store, audit, events);
        store.forEach(GRANTS, (key, bytes) -> index.add(codec.decode(key, bytes, index::subject)));
        this.revocations = new GrantRevocations(store, codec, audit, events, clock, index::grant);
        revocations.load();
        store.forEach(GrantUses.COLLECTION, (key, bytes) -> {
            GrantState grant = index.grant(key);
            if (grant != null) {
                grant.lastUsed = GrantCodec.decodeUse(bytes);
            }
        });
    }

    void updateSettings(TokenSettings newSettings) {
        this.settings = newSettings;
    }

    TokenSettings settings() {
        return settings;
    }

    /** @return a snapshot of every grant in memory */
    List<GrantState> grantStates() {
        return index.grants();
    }

    int grantCount() {
        return index.size();
    }

    GrantCodec codec() {
        return codec;
    }

    AuditTrail auditTrail() {
        return audit;
    }

    GrantRevocations revocations() {
        return revocations;
    }

    @Override
    public TokenPair generate(TokenRequest request) {
        try {
            ClientApp app = enabledAppFor(request.appId());
            Set<String> roles = passwords.check(request);
            return issue(app, request.username(), roles, request.source());
        } finally {
            request.wipePassword();
        }
    }

    @Override
    public TokenValidation validate(String bearerToken) {
        // The common case first: an access token, its shape (all but the checksum) checked and
        // hashed in one pass.
        TokenHash hash = TokenFormat.kindByPrefix(bearerToken) == TokenKind.ACCESS
            ? TokenHash.ofShapedHolding(bearerToken, TokenKind.ACCESS) : null;
        GrantState grant;
        GrantTokens tokens;
        int found;
        try {
            grant = hash == null ? null : index.find(hash);
            tokens = grant == null ? null : grant.tokens;
            found = tokens == null ? GrantTokens.NONE : tokens.find(hash);
            if (found != GrantTokens.ACCESS && found != GrantTokens.PREVIOUS_ACCESS) {
                return TokenValidation.invalid(whyNotFound(bearerToken, hash != null));
            }
        } finally {
            TokenHash.wipeHeld();
        }
        long now = clock.millis();
        boolean newest = found == GrantTokens.ACCESS;
        InvalidTokenReason reason = accessReason(grant, newest ? tokens.accessExpiry : tokens.previousExpiry, now);
        if (reason != null) {
            return TokenValidation.invalid(reason);
        }
        if (newest && !grant.newestAccessUsed) {
            grant.newestAccessUsed = true;
        }
        // To the second is enough for "last used"; it spares every call a shared write.
        if (now - grant.lastUsed >= 1_000) {
            grant.lastUsed = now;
        }
        return tokens.answer(grant, newest);
    }

    /**
     * Only for a token that was not found, the checksum: a token found by its hash was issued, so
     * its checksum is right, and the hot path skips it.
     */
    private static InvalidTokenReason whyNotFound(String token, boolean accessShaped) {
        if (accessShaped) {
            return TokenHash.heldChecksumMatches(TokenKind.ACCESS) ? InvalidTokenReason.UNKNOWN
                : InvalidTokenReason.MALFORMED;
        }
        return TokenFormat.kindOf(token) == null ? InvalidTokenReason.MALFORMED : InvalidTokenReason.WRONG_KIND;
    }

    @Override
    public TokenPair refresh(String refreshToken, ClientCredentials client) {
        ClientApp app = authenticate(client);
        TokenKind kind = TokenFormat.kindOf(refreshToken);
        if (kind == null) {
            throw new InvalidGrantException("The refresh token is malformed.");
        }
        if (kind != TokenKind.REFRESH) {
            throw new InvalidGrantException("An access token was given where a refresh token is expected.");
        }
        TokenHash presented = TokenHash.of(refreshToken);
        GrantState grant = index.find(presented);
        int found = grant == null ? GrantTokens.NONE : grant.tokens.find(presented);
        if (found != GrantTokens.REFRESH && found != GrantTokens.ROTATED) {
            throw new InvalidGrantException("The refresh token is unknown, or has expired and been removed.");
        }
        if (!grant.appId().equals(app.id())) {
            throw new InvalidGrantException("The refresh token was issued to another client app.");
        }
        synchronized (grant) {
            return rotate(grant, presented, app, client.source());
        }
    }

    @Override
    public boolean revokeToken(String token, String source) {
        if (TokenFormat.kindOf(token) == null) {
            return false;
        }
        GrantState grant = index.find(TokenHash.of(token));
        return grant != null && revocations.revoke(List.of(grant), "revoked by token", source, null) == 1;
    }

    @Override
    public boolean revokeGrant(String grantId, String source) {
        GrantState grant = index.grant(grantId);
        return grant != null && revocations.revoke(List.of(grant), "revoked by grant id", source, null) == 1;
    }

    @Override
    public int revokeApp(String appId, String source) {
        List<GrantState> matching = index.grants().stream().filter(g -> g.appId().equals(appId)).toList();
        return revocations.revoke(matching, "revoked with all grants of app " + appId, source,
            "all grants of app " + appId);
    }

    @Override
    public int revokeUser(String username, String source) {
        List<GrantState> matching = index.grants().stream().filter(g -> g.username().equals(username)).toList();
        return revocations.revoke(matching, "revoked with all grants of user " + username, source,
            "all grants of user " + username);
    }

    @Override
    public int revokeAll(String source) {
        return revocations.revoke(index.grants(), "revoked with all grants", source, "all grants");
    }

    @Override
    public List<Grant> grants(GrantQuery query) {
        long now = clock.millis();
        Duration idle = settings.refreshIdleTimeout();
        return index.grants().stream()
            .filter(g -> query.appId() == null || g.appId().equals(query.appId()))
            .filter(g -> query.username() == null || g.username().equals(query.username()))
            .filter(g -> query.includeEnded() || !g.hasEnded(now, idle))
            .filter(g -> query.expiringWithin() == null
                || (!g.hasEnded(now, idle) && g.refreshExpiry(idle) <= now + query.expiringWithin().toMillis()))
            .sorted(Comparator.comparingLong((GrantState g) -> g.created).reversed().thenComparing(g -> g.id()))
            .map(g -> g.toGrant(now, idle, registry.isEnabled(g.appId())))
            .toList();
    }

    @Override
    public Optional<Grant> grant(String grantId) {
        GrantState grant = index.grant(grantId);
        return Optional.ofNullable(grant)
            .map(g -> g.toGrant(clock.millis(), settings.refreshIdleTimeout(), registry.isEnabled(g.appId())));
    }

    @Override
    public TokenInspection inspect(String token) {
        TokenKind kind = TokenFormat.kindOf(token);
        if (kind == null) {
            return new TokenInspection(null, InvalidTokenReason.MALFORMED, null);
        }
        TokenHash hash = TokenHash.of(token);
        GrantState grant = index.find(hash);
        GrantTokens tokens = grant == null ? null : grant.tokens;
        int found = tokens == null ? GrantTokens.NONE : tokens.find(hash);
        if (found == GrantTokens.NONE) {
            return new TokenInspection(kind, InvalidTokenReason.UNKNOWN, null);
        }
        long now = clock.millis();
        InvalidTokenReason reason = switch (found) {
            case GrantTokens.ACCESS -> accessReason(grant, tokens.accessExpiry, now);
            case GrantTokens.PREVIOUS_ACCESS -> accessReason(grant, tokens.previousExpiry, now);
            default -> refreshReason(grant, hash, now);
        };
        return new TokenInspection(kind, reason,
            grant.toGrant(now, settings.refreshIdleTimeout(), registry.isEnabled(grant.appId())));
    }

    @Override
    public List<AuditEntry> audit(String appId, String username, int limit) {
        return audit.newest(appId, username, limit);
    }

    @Override
    public boolean unlock(String username, String source) {
        boolean wasLocked = throttle.unlock(username);
        WriteBatch batch = new WriteBatch();
        AuditTrail.Pending entry = audit.add(batch, "UNLOCKED", null, username, null, source,
            wasLocked ? "lockout lifted" : "was not locked out");
        store.write(batch);
        audit.committed(entry);
        events.post(GatepassEvents.UNLOCKED, Map.of(GatepassEvents.USERNAME, username,
            GatepassEvents.SOURCE, source));
        LOG.info("Password lockout of user '{}' lifted by {}", username, source);
        return wasLocked;
    }

    private ClientApp enabledAppFor(String appId) {
        ClientApp app = registry.find(appId).orElseThrow(() -> new TokenRefusedException(Refusal.APP_UNKNOWN,
            "No client app named " + InvalidInputException.quote(appId) + "."));
        if (!app.enabled()) {
            throw new TokenRefusedException(Refusal.APP_DISABLED, "Client app '" + app.id()
                + "' is disabled; enable it with app:enable " + app.id() + " before generating tokens.");
        }
        return app;
    }

    private TokenPair issue(ClientApp app, String username, Set<String> roles, String source) {
        long now = clock.millis();
        Duration refreshLifetime = app.refreshTokenLifetimeOverride().orElse(settings.refreshTokenLifetime());
        long refreshExpiry = refreshLifetime.isZero() ? Long.MAX_VALUE : now + refreshLifetime.toMillis();
        GrantState grant = new GrantState(index.newGrantId(), index.subject(app.id(), username, roles), now,
            refreshExpiry);
        char[] access = PrefixedSecret.generate(TokenKind.ACCESS.prefix());
        char[] refresh = PrefixedSecret.generate(TokenKind.REFRESH.prefix());
        long accessExpiry = now + accessLifetime(app).toMillis();
        grant.tokens = GrantTokens.first(TokenHash.of(CharBuffer.wrap(access)), accessExpiry,
            TokenHash.of(CharBuffer.wrap(refresh)), now);

        WriteBatch batch = new WriteBatch().put(GRANTS, grant.id(), codec.encode(grant));
        AuditTrail.Pending entry = audit.add(batch, "ISSUED", app.id(), username, grant.id(), source,
            "roles " + String.join(",", new TreeSet<>(roles)));
        store.write(batch);
        index.add(grant);
        audit.committed(entry);

        LOG.info("Tokens issued for app '{}' as user '{}' (grant {}) by {}", app.id(), username, grant.id(), source);
        events.post(GatepassEvents.TOKEN_ISSUED, grantEvent(grant, source));
        return pair(grant, access, refresh);
    }

    private TokenPair rotate(GrantState grant, TokenHash presented, ClientApp app, String source) {
        long now = clock.millis();
        boolean retry = isRetryAfterLostAnswer(grant, presented, now);
        InvalidTokenReason reason = refreshReason(grant, retry ? grant.tokens.refresh() : presented, now);
        if (reason == InvalidTokenReason.REVOKED && presentedIsRotated(grant, presented)) {
            throw new InvalidGrantException("The refresh token was already used, and its grant has been revoked.");
        }
        if (reason == InvalidTokenReason.REVOKED && !grant.isRevoked()) {
            revocations.revokeForReuse(grant, source);
            throw new InvalidGrantException("The refresh token was already used; its grant has been revoked in case"
                + " the token was stolen. Generate new tokens for the app.");
        }
        if (reason != null) {
            throw new InvalidGrantException("The refresh token cannot be used: " + reason.description() + ".");
        }
        if (!verifier.exists(grant.username())) {
            revocations.revoke(List.of(grant), "user " + grant.username() + " no longer exists", "gatepass", null);
            throw new InvalidGrantException("The user '" + grant.username() + "' no longer exists on this server.");
        }

        GrantTokens before = grant.tokens;
        char[] access = PrefixedSecret.generate(TokenKind.ACCESS.prefix());
        char[] refresh = PrefixedSecret.generate(TokenKind.REFRESH.prefix());
        grant.tokens = before.rotate(TokenHash.of(CharBuffer.wrap(access)), now + accessLifetime(app).toMillis(),
            TokenHash.of(CharBuffer.wrap(refresh)), now);

        WriteBatch batch = new WriteBatch().put(GRANTS, grant.id(), codec.encode(grant));
        AuditTrail.Pending entry = audit.add(batch, "REFRESHED", grant.appId(), grant.username(), grant.id(), source,
            retry ? "again with the refresh token before, whose answer was lost" : "");
        try {
            store.write(batch);
        } catch (RuntimeException e) {
            grant.tokens = before;
            throw e;
        }
        index.rotated(grant, before);
        audit.committed(entry);
        grant.lastUsed = now;
        grant.newestAccessUsed = false;
        grant.rotationDurableAt = clock.millis();

        if (retry) {
            LOG.info("Grant {} of app '{}' refreshed again with its previous refresh token: the answer to the last"
                + " refresh never reached the app", grant.id(), grant.appId());
        }
        LOG.debug("Grant {} of app '{}' refreshed", grant.id(), grant.appId());
        events.post(GatepassEvents.TOKEN_REFRESHED, grantEvent(grant, source));
        return pair(grant, access, refresh);
    }

    private ClientApp authenticate(ClientCredentials client) {
        String appId = client == null ? null : client.appId();
        ClientApp app = appId == null ? null : registry.find(appId).orElse(null);
        if (app == null) {
            throw new InvalidClientException("Client authentication failed: unknown client app.");
        }
        if (app.type() == ClientAppType.CONFIDENTIAL
            && (client.secret() == null || !registry.authenticate(appId, client.secret()))) {
            throw new InvalidClientException("Client authentication failed for client app '" + appId + "'.");
        }
        return app;
    }

    /** @return why the grant's access token expiring then does not work now, or null when it does */
    private InvalidTokenReason accessReason(GrantState grant, long expiresAt, long now) {
        if (grant.isRevoked()) {
            return InvalidTokenReason.REVOKED;
        }
        if (now >= expiresAt) {
            return InvalidTokenReason.EXPIRED;
        }
        if (!registry.isEnabled(grant.appId())) {
            return disabledOrDeleted(grant.appId());
        }
        return null;
    }

    /**
     * A client that crashed or lost the connection after the server rotated its refresh token
     * holds only the token rotated away. It may present it again, once, while nothing has used
     * the pair it never received: then the server rotates again instead of revoking the grant. A
     * thief who replays a stolen token after the app has moved on is still caught, because the app
     * has then used its new access token or refreshed again. Within the first second nobody can
     * have noticed a lost answer, so a second use then is a race of two holders: a reuse.
     */
    private boolean isRetryAfterLostAnswer(GrantState grant, TokenHash presented, long now) {
        GrantTokens tokens = grant.tokens;
        long window = settings.refreshRetryWindow().toMillis();
        long sinceRotation = now - Math.max(tokens.refreshIssued, grant.rotationDurableAt);
        return window > 0 && !grant.isRevoked() && !grant.newestAccessUsed && tokens.isLastRotated(presented)
            && sinceRotation >= RETRY_NOT_SOONER_MILLIS && now - tokens.refreshIssued < window;
    }

    /** @return why this refresh token does not work now, or null when it does */
    private InvalidTokenReason refreshReason(GrantState grant, TokenHash presented, long now) {
        if (grant.isRevoked() || grant.tokens.find(presented) != GrantTokens.REFRESH) {
            return InvalidTokenReason.REVOKED;
        }
        if (now >= grant.refreshExpiry(settings.refreshIdleTimeout())) {
            return InvalidTokenReason.EXPIRED;
        }
        if (!registry.isEnabled(grant.appId())) {
            return disabledOrDeleted(grant.appId());
        }
        return null;
    }

    /** Only on a failure path: telling disabled from deleted asks the registry for the app. */
    private InvalidTokenReason disabledOrDeleted(String appId) {
        return registry.find(appId).isPresent() ? InvalidTokenReason.APP_DISABLED : InvalidTokenReason.REVOKED;
    }

    private static boolean presentedIsRotated(GrantState grant, TokenHash presented) {
        return grant.isRevoked() && grant.tokens.find(presented) != GrantTokens.REFRESH;
    }

    private Duration accessLifetime(ClientApp app) {
        return app.accessTokenLifetimeOverride().orElse(settings.accessTokenLifetime());
    }

    private TokenPair pair(GrantState grant, char[] access, char[] refresh) {
        long refreshExpiry = grant.refreshExpiry(settings.refreshIdleTimeout());
        TokenPair pair = new TokenPair(new String(access), new String(refresh),
            Instant.ofEpochMilli(grant.tokens.accessExpiry),
            refreshExpiry == Long.MAX_VALUE ? null : Instant.ofEpochMilli(refreshExpiry),
            grant.id(), grant.appId(), grant.username(), grant.roles());
        Arrays.fill(access, '\0');
        Arrays.fill(refresh, '\0');
        return pair;
    }

    static Map<String, Object> grantEvent(GrantState grant, String source) {
        return Map.of(GatepassEvents.GRANT_ID, grant.id(), GatepassEvents.APP_ID, grant.appId(),
            GatepassEvents.USERNAME, grant.username(), GatepassEvents.SOURCE, source);
    }

    /** @return the ids of every app that has grants in memory, for the sweeper */
    Set<String> appIdsWithGrants() {
        return index.appIds();
    }

    /** Takes an ended grant out of memory once the sweeper has deleted its records. */
    void unload(GrantState grant) {
        index.remove(grant);
    }
}
