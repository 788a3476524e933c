package io.gatepass.api;

/**
 * A value given to Gatepass breaks a rule. The message names the field, quotes the rejected
 * value (shortened when long) and says what is allowed.
 */
public class InvalidInputException extends GatepassException {

    private static final long serialVersionUID = 1L;

    private static final int QUOTE_LIMIT = 40;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * Builds the usual message: {@code Invalid <field> '<value>': <rule>.}
     *
     * @param field the name of the field as the user knows it, e.g. {@code id}
     * @param value the rejected value, quoted and shortened in the message; never a secret
     * @param rule what is allowed, as a sentence fragment
     * @return the exception, ready to throw
     */
    public static InvalidInputException of(String field, String value, String rule) {
        return new InvalidInputException(field, "Invalid " + field + " " + quote(value) + ": " + rule + ".");
    }

    /** @return the field that was rejected, e.g. {@code name} */
    public String field() {
        return field;
    }

    /**
     * Quotes a value for an error message: single quotes, control characters escaped, and at most
     * 40 characters followed by the full length when longer.
     *
     * @param value the value, may be null
     * @return the quoted value, or {@code nothing} for null
     */
    public static String quote(String value) {
        if (value == null) {
            return "(nothing)";
        }
        int length = value.codePointCount(0, value.length());
        String shown = length > QUOTE_LIMIT
            ? value.substring(0, value.offsetByCodePoints(0, QUOTE_LIMIT))
            : value;
        StringBuilder quoted = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        quoted.append(length > QUOTE_LIMIT ? "...' (" + length + " characters)" : "'");
        return quoted.toString();
    }
}
