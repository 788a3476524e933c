package io.gatepass.registry.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.StoreException;

/** Turns stored client apps into JSON bytes and back, checking the record's format version. */
final class ClientAppCodec {

    private final ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    byte[] encode(StoredClientApp app) {
        try {
            return mapper.writeValueAsBytes(app);
        } catch (IOException e) {
            throw new StoreException("Could not encode client app '" + app.id() + "'", e);
        }
    }

    StoredClientApp decode(String key, byte[] bytes) {
        StoredClientApp app;
        try {
            app = mapper.readValue(bytes, StoredClientApp.class);
        } catch (JacksonException e) {
            throw new StoreException("The stored client app '" + key + "' cannot be read: "
                + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StoreException("The stored client app '" + key + "' cannot be read", e);
        }
        if (app.v() != StoredClientApp.FORMAT_VERSION) {
            throw new StoreException("The stored client app '" + key + "' has format version "
                + app.v() + "; this Gatepass reads version " + StoredClientApp.FORMAT_VERSION
                + ". Upgrade Gatepass or restore a backup.");
        }
        return app;
    }
}
