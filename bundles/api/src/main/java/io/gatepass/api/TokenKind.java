package io.gatepass.api;

/** The two kinds of token Gatepass issues, each with a prefix of its own. */
public enum TokenKind {

    /** Sent with every call ({@code Authorization: Bearer}); lives an hour by default. */
    ACCESS("gpat_"),

    /** Exchanged for a new pair; rotates on every use. */
    REFRESH("gprt_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    /** @return the readable prefix every token of this kind starts with */
    public String prefix() {
        return prefix;
    }

    /** @return the kind whose prefix the text starts with, or null */
    public static TokenKind ofToken(CharSequence token) {
        for (TokenKind kind : values()) {
            if (token != null && token.length() >= kind.prefix.length()
                && token.subSequence(0, kind.prefix.length()).toString().equals(kind.prefix)) {
                return kind;
            }
        }
        return null;
    }
}
