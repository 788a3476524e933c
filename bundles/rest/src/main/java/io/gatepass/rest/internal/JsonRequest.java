package io.gatepass.rest.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/** A JSON object sent to the admin API, with typed access to its fields and their errors. */
final class JsonRequest {

    private final ObjectNode object;

    private JsonRequest(ObjectNode object) {
        this.object = object;
    }

    /**
     * @param allowed the fields this request may have
     * @return the object; an empty one for an empty body
     * @throws HttpProblem invalid_request for a body that is not one JSON object
     * @throws InvalidInputException for a field that is not allowed
     */
    static JsonRequest parse(RequestBody body, Set<String> allowed) {
        if (body.length() == 0) {
            return new JsonRequest(Json.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(body.bytes(), 0, body.length());
        } catch (JsonProcessingException e) {
            throw HttpProblem.invalidRequest("The body is not valid JSON (line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw HttpProblem.invalidRequest("The body could not be read.");
        } finally {
            body.wipe();
        }
        if (!(node instanceof ObjectNode object)) {
            throw HttpProblem.invalidRequest("The body must be a JSON object.");
        }
        for (String field : (Iterable<String>) object::fieldNames) {
            if (!allowed.contains(field)) {
                throw new InvalidInputException(field, "Unknown field "
                    + InvalidInputException.quote(field) + "; use "
                    + String.join(", ", new TreeSet<>(allowed)) + ".");
            }
        }
        return new JsonRequest(object);
    }

    /** @return whether the field is there, even as null */
    boolean has(String field) {
        return object.has(field);
    }

    /** @return the text of a field, empty when absent or null */
    Optional<String> text(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw InvalidInputException.of(field, value.toString(), "use a JSON string");
        }
        return Optional.of(value.textValue());
    }

    /** @return the text of a field that must be there */
    String requiredText(String field) {
        return text(field).orElseThrow(() ->
            new InvalidInputException(field, "The field " + field + " is missing."));
    }

    /** @return the value of a true/false field, or the default when absent or null */
    boolean bool(String field, boolean absent) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw InvalidInputException.of(field, value.toString(), "use true or false");
        }
        return value.booleanValue();
    }

    /**
     * @return a duration field such as {@code "1h"}: empty when absent; {@code Optional.empty()}
     *     inside when null or {@code "default"}, meaning the global default
     */
    Optional<Optional<Duration>> lifetime(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        Optional<String> text = text(field);
        if (text.isEmpty() || text.get().trim().equalsIgnoreCase("default")) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(DurationText.parse(field, text.get())));
    }
}
