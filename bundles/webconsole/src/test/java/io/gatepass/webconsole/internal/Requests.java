package io.gatepass.webconsole.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request bodies as the page sends them, for tests. */
final class Requests {

    private Requests() {
    }

    /** @param json the body, with ' for " to keep tests readable */
    static ActionRequest body(String json) {
        try {
            byte[] bytes = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
            return ActionRequest.read(new ByteArrayInputStream(bytes), new ConsoleJson().factory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
