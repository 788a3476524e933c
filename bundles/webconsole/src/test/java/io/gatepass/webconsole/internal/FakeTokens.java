package io.gatepass.webconsole.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.ClientCredentials;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenService;
import io.gatepass.api.TokenValidation;

/**
 * The token service as the console uses it: grants in a list, one right password, and a record
 * of every request and revocation, with the source it came from.
 */
final class FakeTokens implements TokenService {

    static final String RIGHT_PASSWORD = "s3cret-pw";

    final List<Grant> grants = new ArrayList<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    TokenRequest lastRequest;
    String lastQuery;

    Grant addGrant(String id, String appId, String username, GrantStatus status) {
        Instant now = FakeRegistry.NOW;
        Grant grant = new Grant(id, appId, username, Set.of("viewer"), now, null, now.plusSeconds(3600),
            now.plusSeconds(86_400), status, null);
        grants.add(grant);
        return grant;
    }

    @Override
    public TokenPair generate(TokenRequest request) {
        lastRequest = request;
        boolean right = new String(request.password()).equals(RIGHT_PASSWORD);
        request.wipePassword();
        if (!right) {
            throw new TokenRefusedException(TokenRefusedException.Refusal.BAD_CREDENTIALS,
                "Wrong username or password for user '" + request.username() + "'.");
        }
        return new TokenPair("gpat_access", "gprt_refresh", FakeRegistry.NOW.plusSeconds(3600), null, "g-1",
            request.appId(), request.username(), request.roles());
    }

    @Override
    public List<Grant> grants(GrantQuery query) {
        lastQuery = "app=" + query.appId() + " user=" + query.username() + " ended=" + query.includeEnded();
        return grants.stream()
            .filter(g -> query.appId() == null || g.appId().equals(query.appId()))
            .filter(g -> query.username() == null || g.username().equals(query.username()))
            .filter(g -> query.includeEnded()
                || (g.status() != GrantStatus.REVOKED && g.status() != GrantStatus.EXPIRED))
            .toList();
    }

    @Override
    public int revokeApp(String appId, String source) {
        calls.add("revoke app " + appId + " by " + source);
        return grants(GrantQuery.live().app(appId)).size();
    }

    @Override
    public int revokeUser(String username, String source) {
        calls.add("revoke user " + username + " by " + source);
        return grants(GrantQuery.live().user(username)).size();
    }

    @Override
    public boolean revokeGrant(String grantId, String source) {
        calls.add("revoke grant " + grantId + " by " + source);
        return grants.stream().anyMatch(g -> g.grantId().equals(grantId));
    }

    @Override
    public List<AuditEntry> audit(String appId, String username, int limit) {
        calls.add("audit app=" + appId + " user=" + username + " limit=" + limit);
        return audit.stream().limit(limit).toList();
    }

    @Override
    public TokenValidation validate(String bearerToken) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public TokenPair refresh(String refreshToken, ClientCredentials client) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public boolean revokeToken(String token, String source) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public int revokeAll(String source) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public Optional<Grant> grant(String grantId) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public TokenInspection inspect(String token) {
        throw new UnsupportedOperationException("not used by the console");
    }

    @Override
    public boolean unlock(String username, String source) {
        throw new UnsupportedOperationException("not used by the console");
    }
}
