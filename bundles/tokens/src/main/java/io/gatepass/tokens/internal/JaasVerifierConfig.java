package io.gatepass.tokens.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Gatepass JAAS password check",
    description = "Checks the password of the server user a token pair acts as, by logging the"
        + " user into a Karaf JAAS realm, and asks the same realm whether a user still exists.")
@interface JaasVerifierConfig {

    @AttributeDefinition(
        name = "JAAS realm",
        description = "The realm users log into, as listed by jaas:realm-list. When several"
            + " realms share the name, the one with the highest rank is used, as for any login.")
    String realm() default "karaf";
}
