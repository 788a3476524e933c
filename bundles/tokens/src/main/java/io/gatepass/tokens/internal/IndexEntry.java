package io.gatepass.tokens.internal;

import io.gatepass.api.TokenValidation;

/** What the token index maps a token hash to: an access token or a refresh token of a grant. */
sealed interface IndexEntry {

    GrantState grant();

    TokenHash hash();

    /**
     * An access token; its answer to a successful validation is made once, when it is issued,
     * so validating allocates nothing.
     */
    record Access(GrantState grant, TokenHash hash, long expiresAt, TokenValidation validation)
        implements IndexEntry {
    }

    /** A refresh token, current or already rotated away (kept to detect reuse). */
    record Refresh(GrantState grant, TokenHash hash) implements IndexEntry {
    }
}
