package io.gatepass.api;

/**
 * How a client app authenticates when it refreshes: its id and, for a confidential app, its
 * client secret; and where the request came from, for throttling, logs and audit.
 *
 * @param appId the app's id
 * @param secret the client secret, or null for a public app; not kept
 * @param source where the request comes from, e.g. the client address; {@code unknown} if null
 */
public record ClientCredentials(String appId, char[] secret, String source) {

    public ClientCredentials {
        source = source == null || source.isBlank() ? "unknown" : source;
    }

    /** Credentials of a request whose source is not known. */
    public ClientCredentials(String appId, char[] secret) {
        this(appId, secret, null);
    }

    @Override
    public String toString() {
        return "ClientCredentials[app=" + appId + ", secret " + (secret == null ? "none" : "hidden")
            + ", source=" + source + "]";
    }
}
