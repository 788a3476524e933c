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

    /** Property: the client app id. */
    public static final String APP_ID = "app.id";

    private GatepassEvents() {
    }
}
