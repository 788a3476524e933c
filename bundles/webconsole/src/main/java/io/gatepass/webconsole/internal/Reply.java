package io.gatepass.webconsole.internal;

import java.util.Map;

/**
 * What the plugin answers to one JSON request: an HTTP status and a JSON object.
 *
 * @param status the HTTP status
 * @param body the JSON object; values may be null
 */
record Reply(int status, Map<String, Object> body) {

    static final int OK = 200;

    /** @return a 200 answer */
    static Reply ok(Map<String, Object> body) {
        return new Reply(OK, body);
    }

    /**
     * @param status the HTTP status, 4xx or 5xx
     * @param code a short, stable code for scripts, e.g. {@code invalid_input}
     * @param message one sentence for the administrator
     * @param field the form field the message belongs next to, or null for the whole form
     * @return an error answer
     */
    static Reply error(int status, String code, String message, String field) {
        return new Reply(status,
            ConsoleJson.fields("error", code, "message", message, "field", field));
    }
}
