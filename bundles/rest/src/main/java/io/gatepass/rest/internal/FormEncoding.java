package io.gatepass.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes {@code application/x-www-form-urlencoded} text ({@code +} is a space, {@code %XX} a
 * byte, the bytes UTF-8) straight into a {@code char[]}, so that secrets never become Strings and
 * every intermediate buffer is wiped.
 */
final class FormEncoding {

    private FormEncoding() {
    }

    /**
     * @param what what is decoded, for the error message, e.g. {@code request body}
     * @return the decoded characters; the caller wipes them
     * @throws HttpProblem invalid_request for a broken escape or bytes that are not UTF-8
     */
    static char[] decode(byte[] encoded, int from, int to, String what) {
        byte[] bytes = new byte[to - from];
        try {
            int length = 0;
            for (int i = from; i < to; i++) {
                byte b = encoded[i];
                if (b == '+') {
                    bytes[length++] = ' ';
                } else if (b == '%') {
                    int high = i + 2 < to ? Character.digit(encoded[i + 1], 16) : -1;
                    int low = i + 2 < to ? Character.digit(encoded[i + 2], 16) : -1;
                    if (high < 0 || low < 0) {
                        throw HttpProblem.invalidRequest("The " + what
                            + " is not valid form encoding: '%' must be followed by two hex digits.");
                    }
                    bytes[length++] = (byte) (high << 4 | low);
                    i += 2;
                } else {
                    bytes[length++] = b;
                }
            }
            return utf8(bytes, 0, length, what);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** @return the decoded text; only for values that are not secret */
    static String decodeText(byte[] encoded, int from, int to, String what) {
        char[] chars = decode(encoded, from, to, what);
        try {
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * @return the characters of UTF-8 bytes; the caller wipes them
     * @throws HttpProblem invalid_request for bytes that are not UTF-8
     */
    static char[] utf8(byte[] bytes, int offset, int length, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded = null;
        try {
            decoded = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            return Arrays.copyOf(decoded.array(), decoded.limit());
        } catch (CharacterCodingException e) {
            throw HttpProblem.invalidRequest("The " + what + " is not valid UTF-8.");
        } finally {
            if (decoded != null) {
                Arrays.fill(decoded.array(), '\0');
            }
        }
    }
}
