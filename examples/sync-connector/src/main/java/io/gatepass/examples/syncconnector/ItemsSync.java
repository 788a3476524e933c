package io.gatepass.examples.syncconnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.client.BearerRequests;
import io.gatepass.client.ManagedToken;

/**
 * One synchronisation: reads the items with the connection's access token. All a connector needs
 * of Gatepass is the {@link ManagedToken} and {@link BearerRequests}; refreshing is not its concern.
 */
final class ItemsSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a synchronisation brought.
     *
     * @param items how many items were read
     * @param actingAs the user the server says the token acts as
     */
    record Outcome(int items, String actingAs) {
    }

    private final BearerRequests requests;
    private final URI items;

    ItemsSync(ManagedToken token, HttpClient http, URI items) {
        this.requests = new BearerRequests(token, http);
        this.items = items;
    }

    /**
     * @throws io.gatepass.client.ManagedTokenException if the connection has no access token to give
     * @throws IOException if the server could not be reached or did not answer the items
     */
    Outcome run() throws IOException, InterruptedException {
        HttpResponse<String> response = requests.send(HttpRequest.newBuilder(items).timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + items + " answered HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode list = body == null ? null : body.get("items");
        if (list == null || !list.isArray()) {
            throw new IOException("GET " + items + " answered no item list");
        }
        return new Outcome(list.size(), body.path("user").asText("?"));
    }
}
