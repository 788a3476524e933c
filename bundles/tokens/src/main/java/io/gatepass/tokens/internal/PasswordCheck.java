package io.gatepass.tokens.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.gatepass.api.GatepassEvents;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;
import io.gatepass.api.TokenRequest;
import io.gatepass.spi.CredentialVerifier;
import io.gatepass.spi.RecordStore;
import io.gatepass.spi.WriteBatch;
import io.gatepass.tokens.internal.TokenServiceImpl.TokenEventSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the password of the user a new grant will act as: the throttle first, then the
 * verifier, then the roles asked for. Wrong passwords are logged, audited and posted, never with
 * the password.
 */
final class PasswordCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordCheck.class);

    private final CredentialVerifier verifier;
    private final LoginThrottle throttle;
    private final RecordStore store;
    private final AuditTrail audit;
    private final TokenEventSink events;

    PasswordCheck(CredentialVerifier verifier, LoginThrottle throttle, RecordStore store, AuditTrail audit,
                  TokenEventSink events) {
        this.verifier = verifier;
        this.throttle = throttle;
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /**
     * @return the roles the new grant acts with: those asked for, or all of the user's
     * @throws TokenRefusedException if the user is locked out, the password is wrong, or a role
     *     asked for is not the user's
     */
    Set<String> check(TokenRequest request) {
        throttle.checkAllowed(request.username(), request.source());
        Set<String> userRoles = verifyPassword(request);
        return chooseRoles(request, userRoles);
    }

    private Set<String> verifyPassword(TokenRequest request) {
        try {
            Set<String> roles = verifier.verify(request.username(), request.password());
            throttle.recordSuccess(request.username(), request.source());
            return roles;
        } catch (CredentialVerifier.BadCredentialsException e) {
            recordFailedPassword(request);
            throw new TokenRefusedException(Refusal.BAD_CREDENTIALS,
                "Wrong username or password for user '" + request.username() + "'.");
        }
    }

    private void recordFailedPassword(TokenRequest request) {
        LoginThrottle.Lockout lockout = throttle.recordFailure(request.username(), request.source());
        LOG.warn("Wrong password for user '{}' from {} (app '{}')", request.username(), request.source(),
            request.appId());
        WriteBatch batch = new WriteBatch();
        AuditTrail.Pending failed = audit.add(batch, "LOGIN_FAILED", request.appId(), request.username(),
            null, request.source(), "wrong username or password");
        AuditTrail.Pending locked = lockout.locked() ? audit.add(batch, "LOCKED_OUT", request.appId(),
            request.username(), null, request.source(), "locked out until " + lockout.until()) : null;
        try {
            store.write(batch);
            audit.committed(failed);
            if (locked != null) {
                audit.committed(locked);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record a failed password in the audit trail", e);
        }
        Map<String, Object> properties = Map.of(GatepassEvents.USERNAME, request.username(),
            GatepassEvents.SOURCE, request.source(), GatepassEvents.APP_ID, request.appId());
        events.post(GatepassEvents.LOGIN_FAILED, properties);
        if (lockout.locked()) {
            LOG.warn("User '{}' from {} is locked out until {}", request.username(), request.source(), lockout.until());
            events.post(GatepassEvents.LOCKED_OUT, properties);
        }
    }

    private static Set<String> chooseRoles(TokenRequest request, Set<String> userRoles) {
        if (request.roles().isEmpty()) {
            return userRoles;
        }
        Set<String> missing = new TreeSet<>(request.roles());
        missing.removeAll(userRoles);
        if (!missing.isEmpty()) {
            throw new TokenRefusedException(Refusal.ROLE_NOT_HELD, "User '" + request.username()
                + "' does not have the role" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + "; their roles are: " + (userRoles.isEmpty() ? "none" : String.join(", ", new TreeSet<>(userRoles)))
                + ".");
        }
        return request.roles();
    }
}
