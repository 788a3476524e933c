package io.gatepass.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.gatepass.spi.RecordStore;

/** Small conveniences for the store tests. */
final class Batches {

    private Batches() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** @return the collection's records as text, sorted by key */
    static Map<String, String> contents(RecordStore store, String collection) {
        Map<String, String> contents = new TreeMap<>();
        store.forEach(collection, (key, value) -> contents.put(key, text(value)));
        return contents;
    }
}
