package io.gatepass.api;

/**
 * Event Admin topics Gatepass posts on, and the property names of those events. No event ever
 * carries a token, a secret or a password.
 */
public final class GatepassEvents {

    /** Prefix of every app event; subscribe to {@code io/gatepass/app/*}. */
    public static final String APP_TOPIC_PREFIX = "io/gatepass/app/";

    public static final String APP_REGISTERED = APP_TOPIC_PREFIX + "REGISTERED";
    public static final String APP_UPDATED = APP_TOPIC_PREFIX + "UPDATED";
    public static final String APP_ENABLED = APP_TOPIC_PREFIX + "ENABLED";
    public static final String APP_DISABLED = APP_TOPIC_PREFIX + "DISABLED";
    public static final String APP_DELETED = APP_TOPIC_PREFIX + "DELETED";
    public static final String APP_SECRET_ROTATED = APP_TOPIC_PREFIX + "SECRET_ROTATED";

    /** Prefix of every token event; subscribe to {@code io/gatepass/token/*}. */
    public static final String TOKEN_TOPIC_PREFIX = "io/gatepass/token/";

    public static final String TOKEN_ISSUED = TOKEN_TOPIC_PREFIX + "ISSUED";
    public static final String TOKEN_REFRESHED = TOKEN_TOPIC_PREFIX + "REFRESHED";
    public static final String TOKEN_REUSE_DETECTED = TOKEN_TOPIC_PREFIX + "REUSE_DETECTED";
    public static final String TOKEN_REVOKED = TOKEN_TOPIC_PREFIX + "REVOKED";
    public static final String TOKEN_EXPIRING = TOKEN_TOPIC_PREFIX + "EXPIRING";
    public static final String LOGIN_FAILED = TOKEN_TOPIC_PREFIX + "LOGIN_FAILED";
    public static final String LOCKED_OUT = TOKEN_TOPIC_PREFIX + "LOCKED_OUT";
    public static final String UNLOCKED = TOKEN_TOPIC_PREFIX + "UNLOCKED";

    /** Property: the client app id. */
    public static final String APP_ID = "app.id";

    /** Property: the server user a grant acts as. */
    public static final String USERNAME = "user.name";

    /** Property: the grant id. */
    public static final String GRANT_ID = "grant.id";

    /** Property: who asked (client address, {@code shell:<user>}, {@code gatepass}). */
    public static final String SOURCE = "source";

    private GatepassEvents() {
    }
}
