package io.gatepass.tokens.internal;

import io.gatepass.api.TokenKind;
import io.gatepass.spi.PrefixedSecret;

/** Recognises a token by its prefix, length, alphabet and checksum, before any lookup. */
final class TokenFormat {

    private TokenFormat() {
    }

    /** @return the kind of a well-formed token, or null for anything else; allocates nothing */
    static TokenKind kindOf(String token) {
        if (token == null) {
            return null;
        }
        for (TokenKind kind : TokenKind.values()) {
            if (token.startsWith(kind.prefix()) && PrefixedSecret.isWellFormed(kind.prefix(), token)) {
                return kind;
            }
        }
        return null;
    }
}
