package io.gatepass.client;

/** Event Admin topics and properties posted by the client bundle. None carries a token. */
public final class ClientEvents {

    /** Prefix of every client topic. */
    public static final String TOPIC_PREFIX = "io/gatepass/client/";
    /** Tokens were imported into a connection. */
    public static final String AUTHORIZED = TOPIC_PREFIX + "AUTHORIZED";
    /** A connection refreshed its tokens. */
    public static final String REFRESHED = TOPIC_PREFIX + "REFRESHED";
    /** The server refused a connection's tokens for good: new ones must be imported. */
    public static final String REAUTHORIZATION_NEEDED = TOPIC_PREFIX + "REAUTHORIZATION_NEEDED";

    /** Property: the connection's name. */
    public static final String CONNECTION = "connection";
    /** Property: the client app the connection acts as. */
    public static final String APP_ID = "app.id";
    /** Property: the server's URL. */
    public static final String SERVER_URL = "server.url";
    /** Property: why, in words, on {@link #REAUTHORIZATION_NEEDED}. */
    public static final String REASON = "reason";

    private ClientEvents() {
    }
}
