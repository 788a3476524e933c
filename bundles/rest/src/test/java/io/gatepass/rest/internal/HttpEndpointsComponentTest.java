package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.context.ServletContextHelper;

class HttpEndpointsComponentTest {

    /** One registerService call: what was registered, and with which properties. */
    private record Registered(Object service, Map<String, Object> properties) {
    }

    private final BundleContext context = mock(BundleContext.class);
    private final ServiceRegistration<?> registration = mock(ServiceRegistration.class);
    private final List<Registered> registered = new ArrayList<>();
    private final RestConfig config = mock(RestConfig.class);

    @BeforeEach
    void recordRegistrations() {
        when(context.getBundle()).thenReturn(mock(Bundle.class));
        when(context.registerService(any(Class.class), any(Object.class), any())).thenAnswer(call -> {
            registered.add(new Registered(call.getArgument(1), map(call.getArgument(2))));
            return registration;
        });
        when(context.registerService(anyString(), any(Object.class), any())).thenAnswer(call -> {
            registered.add(new Registered(call.getArgument(1), map(call.getArgument(2))));
            return registration;
        });
        when(config.basePath()).thenReturn("/gatepass");
        when(config.protectedContextPath()).thenReturn("/");
        when(config.maxRequestBytes()).thenReturn(16384);
        when(config.throttleFailures()).thenReturn(10);
        when(config.throttleWindowSeconds()).thenReturn(60);
        when(config.adminRole()).thenReturn("admin");
    }

    private static Map<String, Object> map(Dictionary<String, Object> dictionary) {
        return Collections.list(dictionary.keys()).stream()
            .collect(Collectors.toMap(key -> key, dictionary::get));
    }

    private List<String> servletPatterns() {
        return registered.stream().filter(entry -> entry.service() instanceof Servlet)
            .map(entry -> entry.properties().get("osgi.http.whiteboard.servlet.pattern") + " in "
                + entry.properties().get("osgi.http.whiteboard.context.select"))
            .toList();
    }

    @Test
    void theEndpointsAreServletsOfTheRestContextAtTheBasePath() {
        new HttpEndpointsComponent(context, config).register();

        assertThat(registered.get(0).service()).isInstanceOf(ServletContextHelper.class);
        assertThat(registered.get(0).properties()).isEqualTo(Map.of("osgi.http.whiteboard.context.name",
            "gatepass.rest", "osgi.http.whiteboard.context.path", "/gatepass"));
        assertThat(servletPatterns()).containsExactly(
            "/oauth/token in (osgi.http.whiteboard.context.name=gatepass.rest)",
            "/oauth/revoke in (osgi.http.whiteboard.context.name=gatepass.rest)",
            "/oauth/introspect in (osgi.http.whiteboard.context.name=gatepass.rest)",
            "/api/whoami in (osgi.http.whiteboard.context.name=gatepass.rest)",
            "/api/admin/* in (osgi.http.whiteboard.context.name=gatepass.rest)",
            "/ in (osgi.http.whiteboard.context.name=gatepass.rest)");
    }

    @Test
    void theProtectedContextIsAServiceFactoryNamedGatepassWithTheFilterThatWrapsRequests() {
        new HttpEndpointsComponent(context, config).register();

        Registered helper = registered.stream().filter(entry -> entry.service() instanceof ServiceFactory)
            .findFirst().orElseThrow();
        Registered filter = registered.stream().filter(entry -> entry.service() instanceof Filter)
            .findFirst().orElseThrow();
        assertThat(helper.properties()).isEqualTo(Map.of("osgi.http.whiteboard.context.name", "gatepass",
            "osgi.http.whiteboard.context.path", "/"));
        assertThat(filter.properties()).containsEntry("osgi.http.whiteboard.filter.pattern", "/*")
            .containsEntry("osgi.http.whiteboard.context.select",
                "(osgi.http.whiteboard.context.name=gatepass)");
    }

    @Test
    void deactivationUnregistersEverything() {
        HttpEndpointsComponent component = new HttpEndpointsComponent(context, config);
        component.register();

        component.deactivate();

        verify(registration, times(registered.size())).unregister();
    }

    @Test
    void anInvalidBasePathStopsActivationWithASentence() {
        when(config.basePath()).thenReturn("gatepass/");

        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HttpEndpointsComponent(context, config))
            .withMessageStartingWith("Invalid basePath 'gatepass/' in configuration io.gatepass.rest");
    }
}
