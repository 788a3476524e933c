package io.gatepass.client;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The access token of one connection to a Gatepass server, kept valid by the client bundle: it
 * refreshes ahead of expiry, keeps the rotated refresh token in the secret vault, and retries when
 * the server cannot be reached. One service per connection, with the service property
 * {@value #CONNECTION} holding the connection's name; inject it with a target such as
 * {@code (gatepass.connection=crm)}.
 */
@ProviderType
public interface ManagedToken {

    /** The service property with the connection's name. */
    String CONNECTION = "gatepass.connection";

    /** @return the connection's name, as configured */
    String connection();

    /**
     * Never blocks while the current access token is valid; refreshes first when it is not.
     *
     * @return an access token valid for at least a second more, for {@code Authorization: Bearer}
     * @throws ReauthorizationNeededException if the connection has no tokens, or the server
     *     refused them for good: an administrator must import new ones
     * @throws TokenUnavailableException if the access token has expired and the server cannot be
     *     reached now; the connection keeps retrying
     */
    String accessToken();

    /**
     * For a request whose access token the server answered with 401: refreshes, unless the
     * connection has already moved on from the rejected token, and returns the newer token.
     *
     * @param rejected the access token the server rejected
     * @return an access token other than the rejected one
     * @throws ReauthorizationNeededException as for {@link #accessToken()}
     * @throws TokenUnavailableException as for {@link #accessToken()}
     */
    String freshAccessToken(String rejected);

    /** @return what the connection is doing, without any token */
    ConnectionStatus status();
}
