package io.gatepass.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.gatepass.api.InvalidInputException;

/**
 * The body of a state-changing request: one flat JSON object of texts, true/false values and
 * lists of texts. The {@value #PASSWORD} field is kept only as characters, never as a String,
 * and {@link #close()} wipes them; the bytes of the body are wiped once parsed.
 */
final class ActionRequest implements AutoCloseable {

    /** Far more than any form of the page sends. */
    static final int MAX_BYTES = 16 * 1024;

    static final String PASSWORD = "password";

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Boolean> flags = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private char[] password = new char[0];

    private ActionRequest() {
    }

    /**
     * Reads and parses a request body.
     *
     * @throws InvalidInputException if it is too large or not a flat JSON object; the message
     *     never quotes the body
     */
    static ActionRequest read(InputStream body, JsonFactory factory) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        try {
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException(null, "The request is larger than " + MAX_BYTES / 1024
                    + " KB: nothing was done.");
            }
            return parse(bytes, factory);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static ActionRequest parse(byte[] bytes, JsonFactory factory) throws IOException {
        ActionRequest request = new ActionRequest();
        try (JsonParser parser = factory.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                request.take(name, parser.nextToken(), parser);
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw notAnObject();
            }
            return request;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the body, and the body may hold a password.
            request.close();
            throw notAnObject();
        } catch (RuntimeException e) {
            request.close();
            throw e;
        }
    }

    private void take(String name, JsonToken value, JsonParser parser) throws IOException {
        switch (value) {
            case VALUE_STRING -> {
                if (PASSWORD.equals(name)) {
                    int start = parser.getTextOffset();
                    int end = start + parser.getTextLength();
                    password = Arrays.copyOfRange(parser.getTextCharacters(), start, end);
                } else {
                    texts.put(name, parser.getText());
                }
            }
            case VALUE_NUMBER_INT -> texts.put(name, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> flags.put(name, value == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> {
                // the same as leaving the field out
            }
            case START_ARRAY -> lists.put(name, strings(name, parser));
            default -> throw new InvalidInputException(name, "Invalid " + name
                + ": expected a text, true or false, or a list of texts.");
        }
    }

    private static List<String> strings(String name, JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw new InvalidInputException(name, "Invalid " + name
                    + ": expected a list of texts.");
            }
            values.add(parser.getText());
        }
        return List.copyOf(values);
    }

    private static InvalidInputException notAnObject() {
        return new InvalidInputException(null,
            "The request body is not a JSON object of texts: nothing was done.");
    }

    /** @return whether the field was sent (and not null) */
    boolean has(String name) {
        return texts.containsKey(name) || flags.containsKey(name) || lists.containsKey(name);
    }

    /** @return the text of the field, or null when it was not sent */
    String text(String name) {
        return texts.get(name);
    }

    /** @return the text of the field, or null when it was not sent or is blank */
    String textOrNull(String name) {
        String text = texts.get(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * @param what how the message names the value, e.g. "the username"
     * @return the trimmed text of the field
     * @throws InvalidInputException naming the field if it is missing or blank
     */
    String required(String name, String what) {
        String text = textOrNull(name);
        if (text == null) {
            throw new InvalidInputException(name, "Enter " + what + ".");
        }
        return text;
    }

    /** @return whether the field is true; false when it was not sent */
    boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    /** @return the list of the field, empty when it was not sent */
    List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /**
     * @return the characters of the password field, empty if none was sent; this very array,
     *     which {@link #close()} wipes
     */
    char[] password() {
        return password;
    }

    /** Wipes the password. */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "ActionRequest" + texts.keySet() + flags.keySet() + lists.keySet()
            + (password.length > 0 ? "[password hidden]" : "");
    }
}
