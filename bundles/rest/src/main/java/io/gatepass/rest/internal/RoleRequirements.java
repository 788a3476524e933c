package io.gatepass.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The roles that servlets of the {@code gatepass} context require, from their service property
 * {@value #ROLES_PROPERTY}. A servlet's context helper cannot see which servlet a request goes to,
 * so this matches the request's path against the servlets' patterns as the Servlet specification
 * does (exact, then longest prefix, then extension, then default), and among servlets with the
 * same pattern takes the one the whiteboard serves: the highest ranking, then the lowest id.
 */
final class RoleRequirements {

    /** The servlet service property that lists the roles, any one of which lets a request in. */
    static final String ROLES_PROPERTY = "gatepass.roles";

    private record Requirement(List<String> patterns, Set<String> roles, int ranking, long serviceId) {
    }

    private record Match(Requirement requirement, int specificity) {
    }

    private final Map<String, Object> contextProperties;
    private final Map<Object, Requirement> byServlet = new ConcurrentHashMap<>();

    /** @param contextProperties the service properties of the protected context, to match selects */
    RoleRequirements(Map<String, Object> contextProperties) {
        this.contextProperties = Map.copyOf(contextProperties);
    }

    /**
     * Adds or replaces what a servlet requires; ignores servlets of other contexts.
     *
     * @param key the servlet's service reference or any stable key
     * @param properties the servlet's service properties
     */
    void put(Object key, Map<String, Object> properties) {
        Object select = properties.get(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT);
        if (!selectsThisContext(select)) {
            byServlet.remove(key);
            return;
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        byServlet.put(key, new Requirement(
            strings(properties.get(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN)),
            strings(properties.get(ROLES_PROPERTY)).stream().collect(Collectors.toUnmodifiableSet()),
            ranking instanceof Integer value ? value : 0,
            id instanceof Long value ? value : Long.MAX_VALUE));
    }

    void remove(Object key) {
        byServlet.remove(key);
    }

    /**
     * @param path the request's path inside the context: servlet path and path info
     * @return the roles of which the request's token needs one; empty when any token will do
     */
    Set<String> requiredFor(String path) {
        List<Match> matches = new ArrayList<>();
        for (Requirement requirement : byServlet.values()) {
            int best = requirement.patterns().stream()
                .mapToInt(pattern -> specificity(pattern, path))
                .max()
                .orElse(-1);
            if (best >= 0) {
                matches.add(new Match(requirement, best));
            }
        }
        return matches.stream()
            .max(Comparator.comparingInt(Match::specificity)
                .thenComparingInt(match -> match.requirement().ranking())
                .thenComparing(match -> -match.requirement().serviceId()))
            .map(match -> match.requirement().roles())
            .orElse(Set.of());
    }

    /** @return how well a servlet pattern matches the path, higher is better; -1 for no match */
    static int specificity(String pattern, String path) {
        if (pattern.equals(path) || pattern.isEmpty() && (path.isEmpty() || path.equals("/"))) {
            return Integer.MAX_VALUE;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            boolean matches = path.equals(prefix) || path.startsWith(prefix + "/");
            return matches ? 1_000 + prefix.length() : -1;
        }
        if (pattern.startsWith("*.")) {
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return lastSegment.endsWith(pattern.substring(1)) ? 1 : -1;
        }
        return pattern.equals("/") ? 0 : -1;
    }

    private boolean selectsThisContext(Object select) {
        if (!(select instanceof String filter)) {
            return false;
        }
        try {
            Filter parsed = FrameworkUtil.createFilter(filter);
            return parsed.matches(contextProperties);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    /** @return the strings of a property that is a String (split at commas), an array or a collection */
    static List<String> strings(Object value) {
        Stream<?> items;
        if (value instanceof String text) {
            items = Arrays.stream(text.split(","));
        } else if (value instanceof Object[] array) {
            items = Arrays.stream(array);
        } else if (value instanceof Collection<?> collection) {
            items = collection.stream();
        } else {
            items = Stream.empty();
        }
        return items.map(String::valueOf).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
