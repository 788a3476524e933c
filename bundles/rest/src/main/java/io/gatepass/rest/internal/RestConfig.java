package io.gatepass.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Gatepass HTTP endpoints",
    description = "Where the OAuth 2.0 endpoints, the admin API and the bearer-token context live,"
        + " and the limits that protect them.")
@interface RestConfig {

    @AttributeDefinition(name = "Base path",
        description = "Context path of Gatepass's own endpoints: <base>/oauth/token,"
            + " <base>/oauth/revoke, <base>/oauth/introspect, <base>/api/whoami and <base>/api/admin/."
            + " A slash and a few letters, digits, dots, hyphens or underscores per segment.")
    String basePath() default "/gatepass";

    @AttributeDefinition(name = "Protected context path",
        description = "Context path of the servlet context named 'gatepass' that other bundles select"
            + " to require a Gatepass access token. '/' lets each servlet choose its whole URL with its"
            + " pattern.")
    String protectedContextPath() default "/";

    @AttributeDefinition(name = "Largest request body (bytes)",
        description = "A larger body is refused with 413 before it is read.", min = "1024")
    int maxRequestBytes() default 16384;

    @AttributeDefinition(name = "Failures before throttling",
        description = "Failed client authentications, refused refresh tokens, rejected bearer tokens"
            + " and wrong administrator passwords allowed from one address within the throttle window."
            + " Past them, that address gets 429 with Retry-After until the window ends.", min = "1")
    int throttleFailures() default 10;

    @AttributeDefinition(name = "Throttle window (seconds)",
        description = "The window starts with an address's first failure.", min = "1")
    int throttleWindowSeconds() default 60;

    @AttributeDefinition(name = "Administrator role",
        description = "The role a user, or the user a bearer token acts as, needs for the admin API.")
    String adminRole() default "admin";
}
