package io.gatepass.api;

import java.time.Instant;
import java.util.Set;

/**
 * Who a valid access token acts as.
 *
 * @param grantId the grant the token belongs to
 * @param appId the client app that holds it
 * @param username the server user it acts as
 * @param roles the roles it acts with
 * @param expiresAt when the access token stops working
 */
public record TokenPrincipal(String grantId, String appId, String username, Set<String> roles, Instant expiresAt) {

    /** @return whether the token acts with this role */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
