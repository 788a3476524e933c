package io.gatepass.api;

/** Why a token is not accepted. */
public enum InvalidTokenReason {

    MALFORMED("the token is malformed: wrong prefix, length, characters or checksum"),
    WRONG_KIND("the token is of the wrong kind: a refresh token where an access token is expected, or the reverse"),
    UNKNOWN("the token is unknown"),
    EXPIRED("the token has expired"),
    REVOKED("the token has been revoked"),
    APP_DISABLED("the token's client app is disabled");

    private final String description;

    InvalidTokenReason(String description) {
        this.description = description;
    }

    /** @return a sentence fragment for people, e.g. "the token has expired" */
    public String description() {
        return description;
    }
}
