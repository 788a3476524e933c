package io.gatepass.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/**
 * A connection's configuration, checked once; every rejected value is named in the message.
 *
 * @param name the connection's name
 * @param serverUrl the server, without a trailing slash
 * @param tokenEndpoint the token endpoint's full URI
 * @param appId the client app
 * @param clientSecret the configured client secret; empty when it is in the vault or the app is public
 * @param refreshAt share of the access token's lifetime after which to refresh
 * @param jitter share of the lifetime by which a refresh may come earlier, at random
 * @param retryInitial first retry delay
 * @param retryMax longest retry delay
 * @param timeout connect and answer timeout
 */
record ConnectionSettings(String name, String serverUrl, URI tokenEndpoint, String appId, char[] clientSecret,
                          double refreshAt, double jitter, Duration retryInitial, Duration retryMax,
                          Duration timeout) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static ConnectionSettings from(ConnectionConfig config) {
        String name = config.name() == null ? null : config.name().trim();
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of("name", name, "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String server = serverUrl(config.serverUrl());
        URI endpoint = endpoint(server, config.tokenPath());
        String appId = config.appId() == null ? "" : config.appId().trim();
        if (appId.isEmpty()) {
            throw InvalidInputException.of("appId", config.appId(), "give the id of the client app on the server");
        }
        double refreshAt = config.refreshAt();
        if (!(refreshAt >= 0.1 && refreshAt <= 0.95)) {
            throw InvalidInputException.of("refreshAt", Double.toString(refreshAt), "use a share from 0.1 to 0.95");
        }
        double jitter = config.jitter();
        if (!(jitter >= 0 && jitter <= 0.25)) {
            throw InvalidInputException.of("jitter", Double.toString(jitter), "use a share from 0 to 0.25");
        }
        Duration retryInitial = positive("retryInitial", config.retryInitial());
        Duration retryMax = positive("retryMax", config.retryMax());
        if (retryMax.compareTo(retryInitial) < 0) {
            throw InvalidInputException.of("retryMax", config.retryMax(),
                "use at least retryInitial (" + config.retryInitial() + ")");
        }
        String secret = config.clientSecret() == null ? "" : config.clientSecret().trim();
        return new ConnectionSettings(name, server, endpoint, appId, secret.toCharArray(), refreshAt, jitter,
            retryInitial, retryMax, positive("timeout", config.timeout()));
    }

    private static String serverUrl(String configured) {
        String value = configured == null ? "" : configured.trim();
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw InvalidInputException.of("serverUrl", configured,
                    "use an http or https URL with a host and nothing after the path,"
                        + " e.g. https://karaf.example.com:8443");
            }
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("serverUrl", configured, "it is not a URL: " + e.getReason());
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static URI endpoint(String server, String path) {
        String value = path == null ? "" : path.trim();
        if (!value.startsWith("/") || value.contains("?") || value.contains("#") || value.contains(" ")) {
            throw InvalidInputException.of("tokenPath", path,
                "use a path that starts with '/', e.g. /gatepass/oauth/token");
        }
        return URI.create(server + value);
    }

    private static Duration positive(String field, String text) {
        Duration duration = DurationText.parse(field, text);
        if (duration.isZero()) {
            throw InvalidInputException.of(field, text, "use a duration above 0");
        }
        return duration;
    }

    /** @return whether the configuration carries the client secret */
    boolean hasClientSecret() {
        return clientSecret.length > 0;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + name + ", " + serverUrl + ", app " + appId + "]";
    }
}
