package io.gatepass.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.gatepass.api.InvalidInputException;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private final Map<String, Object> values = new HashMap<>(Map.of("name", "crm",
        "serverUrl", "https://karaf.example.com:8443/", "appId", "crm-sync"));

    private ConnectionSettings settings() {
        ConnectionConfig config = (ConnectionConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConnectionConfig.class}, (proxy, method, args) ->
                values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
        return ConnectionSettings.from(config);
    }

    private void rejects(String property, Object value, String message) {
        values.put(property, value);
        assertThatThrownBy(this::settings).isInstanceOf(InvalidInputException.class).hasMessage(message)
            .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(property));
    }

    @Test
    void theDefaultsMakeAWorkingConnection() {
        ConnectionSettings settings = settings();

        assertThat(settings.serverUrl()).isEqualTo("https://karaf.example.com:8443");
        assertThat(settings.tokenEndpoint()).hasToString("https://karaf.example.com:8443/gatepass/oauth/token");
        assertThat(settings.refreshAt()).isEqualTo(0.75);
        assertThat(settings.retryInitial()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.hasClientSecret()).isFalse();
    }

    @Test
    void everyBadValueIsNamed() {
        rejects("name", "crm sync", "Invalid name 'crm sync': use 1 to 64 letters, digits, '.', '_' or '-'.");
        values.put("name", "crm");
        rejects("serverUrl", "ftp://karaf", "Invalid serverUrl 'ftp://karaf': use an http or https URL with a host"
            + " and nothing after the path, e.g. https://karaf.example.com:8443.");
        rejects("serverUrl", "http://karaf/?token=x", "Invalid serverUrl 'http://karaf/?token=x': use an http or"
            + " https URL with a host and nothing after the path, e.g. https://karaf.example.com:8443.");
        rejects("serverUrl", "http://ka raf", "Invalid serverUrl 'http://ka raf': it is not a URL: Illegal"
            + " character in authority.");
        values.put("serverUrl", "http://127.0.0.1:8181");
        rejects("tokenPath", "oauth/token", "Invalid tokenPath 'oauth/token': use a path that starts with '/',"
            + " e.g. /gatepass/oauth/token.");
        values.put("tokenPath", "/gatepass/oauth/token");
        rejects("appId", " ", "Invalid appId ' ': give the id of the client app on the server.");
        values.put("appId", "crm-sync");
        rejects("refreshAt", 1.0, "Invalid refreshAt '1.0': use a share from 0.1 to 0.95.");
        values.put("refreshAt", 0.5);
        rejects("jitter", 0.5, "Invalid jitter '0.5': use a share from 0 to 0.25.");
        values.put("jitter", 0.0);
        rejects("retryInitial", "0s", "Invalid retryInitial '0s': use a duration above 0.");
        values.put("retryInitial", "1m");
        rejects("retryMax", "10s", "Invalid retryMax '10s': use at least retryInitial (1m).");
        values.put("retryMax", "1m");
        values.put("timeout", "soon");
        assertThatThrownBy(this::settings).isInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith("Invalid timeout 'soon'");
    }

    @Test
    void theDescriptionShowsNoSecret() {
        values.put("clientSecret", "gpcs_secret");

        assertThat(settings().toString()).isEqualTo("ConnectionSettings[crm, https://karaf.example.com:8443,"
            + " app crm-sync]");
        assertThat(settings().hasClientSecret()).isTrue();
    }
}
