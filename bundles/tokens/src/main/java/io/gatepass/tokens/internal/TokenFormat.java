package io.gatepass.tokens.internal;

import io.gatepass.api.TokenKind;
import io.gatepass.spi.PrefixedSecret;

/** Recognises a token by its prefix, length, alphabet and checksum, before any lookup. */
final class TokenFormat {

    /** {@code values()} copies its array on every call. */
    private static final TokenKind[] KINDS = TokenKind.values();

    private TokenFormat() {
    }

    /** @return the kind whose prefix the text starts with, or null; the rest is not checked */
    static TokenKind kindByPrefix(String token) {
        if (token == null) {
            return null;
        }
        for (TokenKind kind : KINDS) {
            if (token.startsWith(kind.prefix())) {
                return kind;
            }
        }
        return null;
    }

    /** @return the kind of a well-formed token, or null for anything else */
    static TokenKind kindOf(String token) {
        if (token == null) {
            return null;
        }
        for (TokenKind kind : KINDS) {
            if (token.startsWith(kind.prefix()) && PrefixedSecret.isWellFormed(kind.prefix(), token)) {
                return kind;
            }
        }
        return null;
    }
}
