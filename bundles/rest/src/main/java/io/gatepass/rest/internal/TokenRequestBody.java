package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.gatepass.api.InvalidInputException;

/**
 * The body of a token generation, {@code {"username": ..., "password": ..., "roles": [...]}},
 * read with Jackson's streaming parser so that the password goes from the parser's buffer
 * straight into a {@code char[]} and never becomes a String.
 *
 * @param username the server user the tokens will act as
 * @param password the user's password; the token service wipes it
 * @param roles the roles asked for; empty for all of the user's
 */
record TokenRequestBody(String username, char[] password, Set<String> roles) {

    /**
     * @throws HttpProblem invalid_request for a body that is not a JSON object
     * @throws InvalidInputException naming the field that is missing, unknown or of the wrong type
     */
    static TokenRequestBody parse(RequestBody body) {
        String username = null;
        char[] password = null;
        Set<String> roles = new LinkedHashSet<>();
        try (JsonParser parser = Json.FACTORY.createParser(body.bytes(), 0, body.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw HttpProblem.invalidRequest("The body must be a JSON object.");
            }
            for (String field; (field = parser.nextFieldName()) != null; ) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "username" -> username = text(parser, value, "username");
                    case "password" -> {
                        requireString(value, "password");
                        wipe(password);
                        password = Arrays.copyOfRange(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextOffset() + parser.getTextLength());
                    }
                    case "roles" -> readRoles(parser, value, roles);
                    default -> throw new InvalidInputException(field, "Unknown field "
                        + InvalidInputException.quote(field) + "; use username, password and roles.");
                }
            }
            if (parser.nextToken() != null) {
                throw HttpProblem.invalidRequest("The body has more after its JSON object.");
            }
        } catch (JsonProcessingException e) {
            wipe(password);
            throw HttpProblem.invalidRequest("The body is not valid JSON (line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            wipe(password);
            throw HttpProblem.invalidRequest("The body could not be read.");
        } catch (RuntimeException e) {
            wipe(password);
            throw e;
        }
        return checked(username, password, roles);
    }

    private static TokenRequestBody checked(String username, char[] password, Set<String> roles) {
        if (username == null || username.isBlank()) {
            wipe(password);
            throw new InvalidInputException("username",
                "The username of the user the tokens will act as is missing.");
        }
        if (password == null || password.length == 0) {
            wipe(password);
            throw new InvalidInputException("password", "The password of user "
                + InvalidInputException.quote(username) + " is missing.");
        }
        return new TokenRequestBody(username, password, Set.copyOf(roles));
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        requireString(value, field);
        return parser.getText();
    }

    private static void requireString(JsonToken value, String field) {
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(field, "Invalid " + field + ": use a JSON string.");
        }
    }

    private static void readRoles(JsonParser parser, JsonToken value, Set<String> roles)
        throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidInputException("roles",
                "Invalid roles: use an array of role names, e.g. [\"viewer\"].");
        }
        for (JsonToken item; (item = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (item != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                throw new InvalidInputException("roles",
                    "Invalid roles: every role must be a non-empty string.");
            }
            roles.add(parser.getText().trim());
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "TokenRequestBody[user=" + username + ", roles=" + roles + ", password hidden]";
    }
}
