package io.gatepass.examples.syncconnector;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.gatepass.example.connector}. */
@ObjectClassDefinition(
    name = "Gatepass example sync connector",
    description = "Reads the example data endpoint periodically with the access token of a gatepass-client"
        + " connection, and logs what it synchronised.")
@interface SyncConnectorConfig {

    @AttributeDefinition(name = "Connection",
        description = "Which connection's token to use, as a service filter on its name.")
    String token_target() default "(gatepass.connection=example)";

    @AttributeDefinition(name = "Data path",
        description = "The path of the data endpoint on the connection's server.")
    String dataPath() default "/data/items";

    @AttributeDefinition(name = "Interval (seconds)", description = "How often to synchronise.", min = "1")
    int intervalSeconds() default 60;
}
