package io.gatepass.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.TokenService;
import io.gatepass.spi.CredentialVerifier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts Gatepass on the HTTP whiteboard: a servlet context at the base path with the OAuth 2.0
 * endpoints, whoami and the admin API, and the context named {@code gatepass} that other bundles'
 * servlets select to require a bearer token.
 *
 * <p>The services are registered by hand rather than as components of their own because their
 * context paths come from this configuration. The Gatepass services are optional and dynamic:
 * while one is being updated, the endpoints stay registered and answer 503, so clients see a
 * moment of "try again" rather than their URLs vanishing.
 */
@Component(
    service = {},
    immediate = true,
    configurationPid = "io.gatepass.rest",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public class HttpEndpointsComponent {

    /** The name of the context of Gatepass's own endpoints. */
    static final String REST_CONTEXT = "gatepass.rest";

    /** The name of the context that other bundles select to require a bearer token. */
    static final String PROTECTED_CONTEXT = "gatepass";

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpointsComponent.class);

    private static final Pattern CONTEXT_PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]+)+");
    private static final int MAX_THROTTLED_SOURCES = 10_000;
    private static final long DRAIN_SECONDS = 30;

    private final BundleContext context;
    private final String basePath;
    private final String protectedPath;
    private final ServiceSlot<TokenService> tokens = new ServiceSlot<>("token service");
    private final ServiceSlot<ClientAppRegistry> registry = new ServiceSlot<>("client app registry");
    private final ServiceSlot<CredentialVerifier> verifier = new ServiceSlot<>("credential verifier");
    private final RequestGate gate = new RequestGate();
    private final Endpoints endpoints;
    private final RoleRequirements roles;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public HttpEndpointsComponent(BundleContext context, RestConfig config) {
        this.context = context;
        this.basePath = contextPath("basePath", config.basePath());
        this.protectedPath = contextPath("protectedContextPath", config.protectedContextPath());
        SourceThrottle throttle = new SourceThrottle(Clock.systemUTC(), config.throttleFailures(),
            Duration.ofSeconds(config.throttleWindowSeconds()), MAX_THROTTLED_SOURCES);
        this.endpoints = new Endpoints(tokens, registry, verifier, throttle, gate,
            config.maxRequestBytes(), config.adminRole(), Clock.systemUTC());
        this.roles = new RoleRequirements(protectedContextProperties());
    }

    /** Registers everything once the references are bound, so the first requests find them. */
    @Activate
    void register() {
        Bundle bundle = context.getBundle();
        registrations.add(context.registerService(ServletContextHelper.class,
            new ServletContextHelper(bundle) { }, contextProperties(REST_CONTEXT, basePath)));
        servlet("gatepass-token", "/oauth/token", new TokenEndpoint(endpoints));
        servlet("gatepass-revoke", "/oauth/revoke", new RevocationEndpoint(endpoints));
        servlet("gatepass-introspect", "/oauth/introspect", new IntrospectionEndpoint(endpoints));
        servlet("gatepass-whoami", "/api/whoami", new WhoamiEndpoint(endpoints));
        servlet("gatepass-admin", "/api/admin/*", new AdminEndpoint(endpoints));
        servlet("gatepass-not-found", "/", new NotFoundEndpoint(endpoints));

        registrations.add(context.registerService(ServletContextHelper.class.getName(),
            new ProtectedContexts(), contextProperties(PROTECTED_CONTEXT, protectedPath)));
        Hashtable<String, Object> filter = new Hashtable<>();
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME, "gatepass-principal");
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN, "/*");
        filter.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, select(PROTECTED_CONTEXT));
        registrations.add(context.registerService(Filter.class, new PrincipalFilter(), filter));

        LOG.debug("Gatepass HTTP endpoints at {}/oauth/token, /oauth/revoke, /oauth/introspect,"
            + " /api/whoami and /api/admin/; bearer-token context '{}' at {}", basePath, PROTECTED_CONTEXT,
            protectedPath);
    }

    @Deactivate
    void deactivate() {
        try {
            if (!gate.close(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Requests still running after {} s; unregistering the endpoints anyway",
                    DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ServiceRegistration<?>> reversed = new ArrayList<>(registrations);
        Collections.reverse(reversed);
        for (ServiceRegistration<?> registration : reversed) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("An endpoint was already unregistered");
            }
        }
        LOG.debug("Gatepass HTTP endpoints unregistered");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        unbind = "unbindTokens")
    void bindTokens(TokenService service) {
        tokens.bind(service);
    }

    void unbindTokens(TokenService service) {
        tokens.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        unbind = "unbindRegistry")
    void bindRegistry(ClientAppRegistry service) {
        registry.bind(service);
    }

    void unbindRegistry(ClientAppRegistry service) {
        registry.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindVerifier")
    void bindVerifier(CredentialVerifier service) {
        verifier.bind(service);
    }

    void unbindVerifier(CredentialVerifier service) {
        verifier.unbind(service);
    }

    /** Servlets that name the roles they need; see {@link RoleRequirements}. */
    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, target = "(" + RoleRequirements.ROLES_PROPERTY + "=*)",
        unbind = "removeRoleServlet", updated = "updateRoleServlet")
    void addRoleServlet(ServiceReference<Servlet> servlet) {
        roles.put(servlet, properties(servlet));
    }

    void updateRoleServlet(ServiceReference<Servlet> servlet) {
        roles.put(servlet, properties(servlet));
    }

    void removeRoleServlet(ServiceReference<Servlet> servlet) {
        roles.remove(servlet);
    }

    private void servlet(String name, String pattern, Servlet servlet) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, select(REST_CONTEXT));
        registrations.add(context.registerService(Servlet.class, servlet, properties));
    }

    private Map<String, Object> protectedContextProperties() {
        return Map.of(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, PROTECTED_CONTEXT,
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, protectedPath);
    }

    private static Dictionary<String, Object> contextProperties(String name, String path) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, name);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, path);
        return properties;
    }

    private static String select(String contextName) {
        return "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + contextName + ")";
    }

    private static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    /** @throws IllegalArgumentException naming the property, so the log says what to fix */
    static String contextPath(String property, String value) {
        String path = value == null ? "" : value.trim();
        if (!CONTEXT_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Invalid " + property + " '" + value + "' in"
                + " configuration io.gatepass.rest: use '/' or segments like /gatepass of letters, digits,"
                + " '.', '_', '~' and '-'.");
        }
        return path;
    }

    /** One {@link ProtectedContext} per bundle whose servlets select it, with that bundle's resources. */
    private final class ProtectedContexts implements ServiceFactory<ServletContextHelper> {

        @Override
        public ServletContextHelper getService(Bundle bundle,
                                               ServiceRegistration<ServletContextHelper> registration) {
            return new ProtectedContext(bundle, endpoints, roles);
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<ServletContextHelper> registration,
                                 ServletContextHelper service) {
            // Nothing to release: the helper holds no resources of its own.
        }
    }
}
