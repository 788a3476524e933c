package io.gatepass.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Gatepass client app registry",
    description = "How the registry of client apps keeps its records.")
@interface RegistryConfig {

    @AttributeDefinition(
        name = "Last-used flush interval (seconds)",
        description = "How often the time each app was last used is written to the store. "
            + "Uses are counted in memory in between, so a busy app costs no write per request.",
        min = "1")
    int lastUsedFlushSeconds() default 60;
}
