package io.gatepass.client;

/** Where a connection stands. */
public enum ConnectionState {
    /** No tokens were imported yet: {@code gatepass-client:import <connection>}. */
    NOT_AUTHORIZED("not authorized"),
    /** Holds a valid pair and refreshes it on schedule. */
    READY("ready"),
    /** The last refresh failed for a reason that may pass (server down, 5xx, timeout); retrying. */
    RETRYING("retrying"),
    /**
     * The server refused the tokens for good (revoked, expired, reused, app disabled or deleted,
     * client secret wrong): an administrator must generate and import new ones.
     */
    REAUTHORIZATION_NEEDED("re-authorization needed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    /** @return the state in words, as the shell shows it */
    public String label() {
        return label;
    }
}
