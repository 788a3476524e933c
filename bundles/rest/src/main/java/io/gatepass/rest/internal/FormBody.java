package io.gatepass.rest.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a form-encoded body (RFC 6749 appendix B). Values stay {@code char[]} until
 * a caller asks for one as text, and are wiped by {@link #close()}. Following RFC 6749 section
 * 3.2, a parameter sent twice is refused and a parameter without a value counts as absent.
 */
final class FormBody implements AutoCloseable {

    private final Map<String, char[]> values;

    private FormBody(Map<String, char[]> values) {
        this.values = values;
    }

    /**
     * @param body the raw body; not kept, not wiped
     * @param what what is parsed, for messages: {@code request body} or {@code query string}
     * @throws HttpProblem invalid_request for broken encoding or a repeated parameter
     */
    static FormBody parse(byte[] body, int length, String what) {
        Map<String, char[]> values = new HashMap<>();
        try {
            int start = 0;
            while (start <= length) {
                int end = indexOf(body, (byte) '&', start, length);
                addPair(values, body, start, end, what);
                start = end + 1;
            }
            return new FormBody(values);
        } catch (RuntimeException e) {
            values.values().forEach(value -> Arrays.fill(value, '\0'));
            throw e;
        }
    }

    private static void addPair(Map<String, char[]> values, byte[] body, int start, int end,
                                String what) {
        if (start >= end) {
            return;
        }
        int equals = indexOf(body, (byte) '=', start, end);
        String name = FormEncoding.decodeText(body, start, equals, what);
        if (name.isEmpty()) {
            return;
        }
        if (values.containsKey(name)) {
            throw HttpProblem.invalidRequest(
                "The parameter " + printable(name) + " is given more than once.");
        }
        values.put(name, equals < end ? FormEncoding.decode(body, equals + 1, end, what) : new char[0]);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** @return the names of the parameters sent, with a value or not */
    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** @return whether the parameter was sent with a value */
    boolean has(String name) {
        char[] value = values.get(name);
        return value != null && value.length > 0;
    }

    /** @return the value as text, if sent with one; never for secrets */
    Optional<String> text(String name) {
        return has(name) ? Optional.of(new String(values.get(name))) : Optional.empty();
    }

    /**
     * @return the value as text
     * @throws HttpProblem invalid_request when it was not sent
     */
    String required(String name) {
        return text(name).orElseThrow(() ->
            HttpProblem.invalidRequest("The parameter " + name + " is missing."));
    }

    /** @return a copy of the value, which the caller wipes, or null when not sent */
    char[] secret(String name) {
        return has(name) ? values.get(name).clone() : null;
    }

    /** Wipes every value. */
    @Override
    public void close() {
        values.values().forEach(value -> Arrays.fill(value, '\0'));
    }

    /** @return a parameter name as it may appear in a message: short, no control characters */
    static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return "'" + shown.replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?") + "'";
    }
}
