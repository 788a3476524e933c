package io.gatepass.rest.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.UnknownClientAppException;
import io.gatepass.rest.internal.AdminAuthentication.Admin;

/**
 * {@code <base>/api/admin/*}: the admin API, for automation. Every request authenticates as an
 * administrator; errors name a stable code, say what went wrong in one sentence, and name the
 * field when one is to blame.
 */
final class AdminEndpoint extends GatepassServlet {

    private static final long serialVersionUID = 1L;

    private final transient AppsResource apps;
    private final transient GrantsResource grants;

    AdminEndpoint(Endpoints endpoints) {
        super(endpoints, "admin API", false);
        this.apps = new AppsResource(endpoints);
        this.grants = new GrantsResource(endpoints);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        Admin admin = AdminAuthentication.authenticate(exchange.authorization(), exchange.source(),
            endpoints);
        List<String> path = Arrays.stream(exchange.pathInfo().split("/"))
            .filter(part -> !part.isEmpty())
            .toList();
        String resource = path.isEmpty() ? "" : path.get(0);
        List<String> rest = path.isEmpty() ? List.of() : path.subList(1, path.size());
        try {
            switch (resource) {
                case "apps" -> apps.handle(exchange, admin, rest);
                case "grants" -> grants.handle(exchange, admin, rest);
                case "audit" -> grants.audit(exchange, rest);
                default -> throw notFound(exchange);
            }
        } catch (InvalidInputException e) {
            throw new HttpProblem(400, "invalid_input", e.getMessage()).field(jsonName(e.field()));
        } catch (UnknownClientAppException e) {
            throw new HttpProblem(404, "unknown_app", e.getMessage());
        } catch (ClientAppConflictException e) {
            throw new HttpProblem(409, "conflict", e.getMessage());
        } catch (TokenRefusedException e) {
            throw refused(e);
        }
    }

    private static HttpProblem refused(TokenRefusedException e) {
        return switch (e.refusal()) {
            case APP_UNKNOWN -> new HttpProblem(404, "unknown_app", e.getMessage());
            case APP_DISABLED -> new HttpProblem(409, "app_disabled", e.getMessage());
            case BAD_CREDENTIALS ->
                new HttpProblem(400, "bad_credentials", e.getMessage()).field("password");
            case LOCKED_OUT -> lockedOut(e);
            case ROLE_NOT_HELD -> new HttpProblem(400, "role_not_held", e.getMessage()).field("roles");
        };
    }

    /** 429 with Retry-After: the seconds until the lockout ends, rounded up, at least 1. */
    private static HttpProblem lockedOut(TokenRefusedException e) {
        HttpProblem problem = new HttpProblem(429, "locked_out", e.getMessage()).field("username");
        return e.retryAfter().map(until -> problem.with("Retry-After", String.valueOf(
            Math.max(1, (Duration.between(Instant.now(), until).toMillis() + 999) / 1000))))
            .orElse(problem);
    }

    /** The registry names fields as the shell does ({@code access-ttl}); JSON says {@code access_ttl}. */
    static String jsonName(String field) {
        return field == null ? null : field.replace('-', '_');
    }

    static HttpProblem notFound(Exchange exchange) {
        String path = exchange.pathInfo();
        return new HttpProblem(404, "not_found", "The admin API has nothing at "
            + InvalidInputException.quote(path.isEmpty() ? "/" : path)
            + "; it serves apps, grants and audit.");
    }
}
