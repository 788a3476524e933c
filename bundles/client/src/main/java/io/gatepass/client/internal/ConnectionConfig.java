package io.gatepass.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One connection to a Gatepass server; factory PID {@code io.gatepass.client.connection}. */
@ObjectClassDefinition(
    name = "Gatepass client connection",
    description = "A connection of this Karaf's connectors to a Gatepass server, as one client app."
        + " Its tokens are imported with gatepass-client:import <name> and live in the secret vault."
        + " Durations are a whole number and a unit: 5s, 2m, 1h.")
@interface ConnectionConfig {

    @AttributeDefinition(name = "Name",
        description = "The connection's name, which connectors select it by (gatepass.connection=<name>):"
            + " 1 to 64 letters, digits, '.', '_' or '-'.")
    String name();

    @AttributeDefinition(name = "Server URL",
        description = "The Gatepass server, e.g. https://karaf.example.com:8443 (http only on loopback"
            + " or a trusted network). Its token endpoint is <server URL>/gatepass/oauth/token unless"
            + " Token path says otherwise.")
    String serverUrl();

    @AttributeDefinition(name = "Token path",
        description = "The path of the server's token endpoint.")
    String tokenPath() default "/gatepass/oauth/token";

    @AttributeDefinition(name = "App id", description = "The id of the client app registered on the server.")
    String appId();

    @AttributeDefinition(name = "Client secret", type = AttributeType.PASSWORD, required = false,
        description = "Better left empty: gatepass-client:import --client-secret keeps it in the vault"
            + " instead of in a .cfg file. Not needed for a public app.")
    String clientSecret() default "";

    @AttributeDefinition(name = "Refresh at share of lifetime",
        description = "Refresh when this share of the access token's lifetime has passed, from 0.1 to 0.95.")
    double refreshAt() default 0.75;

    @AttributeDefinition(name = "Jitter share of lifetime",
        description = "Refresh up to this share of the lifetime earlier, at random, so that connections"
            + " started together do not refresh together. From 0 to 0.25.")
    double jitter() default 0.1;

    @AttributeDefinition(name = "First retry after",
        description = "After a failure that may pass (server down, 5xx, timeout), retry after this long,"
            + " doubling each time.")
    String retryInitial() default "2s";

    @AttributeDefinition(name = "Longest retry interval", description = "The doubling stops here.")
    String retryMax() default "2m";

    @AttributeDefinition(name = "Timeout", description = "How long to wait for the server to connect and answer.")
    String timeout() default "10s";
}
