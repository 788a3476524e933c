package io.gatepass.api;

import java.util.Locale;

/** Whether an app can keep a client secret (RFC 6749 section 2.1). */
public enum ClientAppType {

    /** Runs where a secret stays secret (a server-side connector); authenticates with it. */
    CONFIDENTIAL,

    /** Cannot keep a secret (a desktop script); has none, relies on refresh-token rotation. */
    PUBLIC;

    /** @return the lower-case name used in the shell, JSON and the console */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code confidential} or {@code public}, any case
     * @return the type
     * @throws InvalidInputException naming the field {@code type} for anything else
     */
    public static ClientAppType parse(String text) {
        for (ClientAppType type : values()) {
            if (type.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return type;
            }
        }
        throw InvalidInputException.of("type", text, "use 'confidential' or 'public'");
    }
}
