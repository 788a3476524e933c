package io.gatepass.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Access and refresh tokens that let client apps act as server users. Every method that
 * changes state returns only once the change is durable; a failure to store it is a
 * {@link StoreException} and nothing changed.
 */
@ProviderType
public interface TokenService {

    /**
     * Generates a token pair for an enabled app, acting as the user whose password is given.
     * The password is checked once and wiped from the request.
     *
     * @return the pair; the only time its tokens are available in clear
     * @throws TokenRefusedException if the app is unknown or disabled, the credentials are
     *     wrong, the user or source is locked out, or a requested role is not the user's
     * @throws StoreException if the grant could not be stored; no token was issued
     */
    TokenPair generate(TokenRequest request);

    /**
     * Checks a bearer token. Does no I/O and takes no lock.
     *
     * @param bearerToken the presented access token, may be anything
     * @return the principal it acts as, or why it is not valid; never throws for bad input
     */
    TokenValidation validate(String bearerToken);

    /**
     * Exchanges a refresh token for a new pair. The presented refresh token stops working;
     * presenting it again revokes the whole grant (reuse detection).
     *
     * @throws InvalidClientException if a confidential app did not authenticate with its secret
     * @throws InvalidGrantException if the refresh token is not valid for this app now
     */
    TokenPair refresh(String refreshToken, ClientCredentials client);

    /**
     * Revokes the grant of a token (access or refresh): all its tokens stop working.
     *
     * @return whether a live grant was revoked (false for unknown or already ended tokens)
     */
    boolean revokeToken(String token, String source);

    /**
     * Revokes a grant by id.
     *
     * @return whether a live grant was revoked
     */
    boolean revokeGrant(String grantId, String source);

    /** @return how many live grants of the app were revoked */
    int revokeApp(String appId, String source);

    /** @return how many live grants acting as the user were revoked */
    int revokeUser(String username, String source);

    /** @return how many live grants were revoked */
    int revokeAll(String source);

    /** @return the grants that match, newest first */
    List<Grant> grants(GrantQuery query);

    /** @return the grant with this id, if it is known */
    Optional<Grant> grant(String grantId);

    /** @return what is known of the token; never the token itself */
    TokenInspection inspect(String token);

    /**
     * @param appId only entries of this app, or null
     * @param username only entries of this user, or null
     * @param limit at most this many, newest first
     * @return the newest audit entries
     */
    List<AuditEntry> audit(String appId, String username, int limit);

    /**
     * Lifts the password lockout of a user, from every source.
     *
     * @return whether the user was locked out
     */
    boolean unlock(String username, String source);
}
