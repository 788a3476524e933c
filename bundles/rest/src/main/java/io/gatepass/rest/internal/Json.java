package io.gatepass.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON in and out, with one mapper. Parse errors never quote the input they failed on. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    static final JsonFactory FACTORY = MAPPER.getFactory();

    static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private Json() {
    }

    /** Writes the value as the whole response body with this status. */
    static void write(HttpServletResponse response, int status, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** @return the error body: {@code error}, {@code error_description}, and {@code field} if set */
    static Map<String, Object> error(HttpProblem problem, boolean oauthCharacters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.error());
        String description = problem.getMessage();
        body.put("error_description", oauthCharacters ? oauthText(description) : description);
        if (problem.fieldName() != null) {
            body.put("field", problem.fieldName());
        }
        return body;
    }

    /**
     * @return the text with every character outside what RFC 6749 section 5.2 allows in an
     *     {@code error_description} (printable ASCII but {@code "} and {@code \}) replaced
     */
    static String oauthText(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            allowed.append(c == '"' ? '\'' : c >= 0x20 && c <= 0x7E && c != '\\' ? c : '?');
        }
        return allowed.toString();
    }
}
