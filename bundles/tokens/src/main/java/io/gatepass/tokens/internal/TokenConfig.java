package io.gatepass.tokens.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Gatepass tokens",
    description = "Lifetimes of access and refresh tokens, password throttling and the audit trail."
        + " Durations are a whole number and a unit: 90s, 15m, 1h, 30d; 0 means none.")
@interface TokenConfig {

    @AttributeDefinition(name = "Access-token lifetime",
        description = "How long an access token works, unless its app overrides it. From 5s to 24h.")
    String accessTokenLifetime() default "1h";

    @AttributeDefinition(name = "Refresh-token lifetime",
        description = "How long a grant can be refreshed from its generation, unless its app overrides it."
            + " 0: no limit.")
    String refreshTokenLifetime() default "90d";

    @AttributeDefinition(name = "Refresh-token idle timeout",
        description = "A refresh token not used for this long stops working. 0: no idle timeout.")
    String refreshTokenIdleTimeout() default "30d";

    @AttributeDefinition(name = "Retry window after a lost answer",
        description = "A client that never received the answer to its refresh (a crash, a dropped"
            + " connection) may present the refresh token it just used again within this window, as"
            + " long as nothing has used the tokens of that answer: it gets a new pair instead of its"
            + " grant being revoked for reuse. 0: every second use is a reuse. At most 1h.")
    String refreshRetryWindow() default "5m";

    @AttributeDefinition(name = "Expiry warning",
        description = "When a grant's refresh token will expire within this period, an EXPIRING event"
            + " is posted once. 0: no warning.")
    String expiryWarning() default "7d";

    @AttributeDefinition(name = "Sweep interval (seconds)",
        description = "How often ended grants and old audit entries are removed from the store.", min = "1")
    int sweepIntervalSeconds() default 600;

    @AttributeDefinition(name = "Keep ended grants",
        description = "How long expired and revoked grants stay listed (token:list --all) before they"
            + " are removed from the store.")
    String keepEndedGrants() default "7d";

    @AttributeDefinition(name = "Audit retention",
        description = "How long audit entries are kept.")
    String auditRetention() default "90d";

    @AttributeDefinition(name = "Audit size",
        description = "The most audit entries kept; the oldest go first.", min = "100")
    int auditMaxEntries() default 10000;

    @AttributeDefinition(name = "Last-used flush interval (seconds)",
        description = "How often the last-used times of grants are written to the store.", min = "1")
    int lastUsedFlushSeconds() default 60;

    @AttributeDefinition(name = "Free password failures per user and source",
        description = "Wrong passwords allowed for one user from one source before each further one"
            + " locks that pair out, for 1s, 2s, 4s and so on.", min = "1")
    int freeFailures() default 5;

    @AttributeDefinition(name = "Free password failures per source",
        description = "Wrong passwords allowed from one source, for any users, before it is locked out.",
        min = "1")
    int sourceFreeFailures() default 20;

    @AttributeDefinition(name = "Longest lockout",
        description = "The cap of the escalating lockout. Lockouts always end.")
    String maxLockout() default "15m";
}
