package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RoleRequirementsTest {

    private static final String SELECT = "(osgi.http.whiteboard.context.name=gatepass)";

    private final RoleRequirements roles = new RoleRequirements(Map.of(
        "osgi.http.whiteboard.context.name", "gatepass", "osgi.http.whiteboard.context.path", "/"));

    private void servlet(String key, Object patterns, Object roleNames, int ranking, long id) {
        roles.put(key, Map.of("osgi.http.whiteboard.context.select", SELECT,
            "osgi.http.whiteboard.servlet.pattern", patterns, "gatepass.roles", roleNames,
            "service.ranking", ranking, "service.id", id));
    }

    @Test
    void anExactPatternBeatsAPrefixWhichBeatsAnExtensionAndTheDefault() {
        servlet("default", "/", "everyone", 0, 1);
        servlet("extension", "*.csv", "exporter", 0, 2);
        servlet("prefix", "/data/*", "viewer", 0, 3);
        servlet("exact", "/data/secret.csv", "admin", 0, 4);

        assertThat(roles.requiredFor("/data/secret.csv")).containsExactly("admin");
        assertThat(roles.requiredFor("/data/items.csv")).containsExactly("viewer");
        assertThat(roles.requiredFor("/reports/all.csv")).containsExactly("exporter");
        assertThat(roles.requiredFor("/anything")).containsExactly("everyone");
    }

    @Test
    void theLongestPrefixWinsAndAPrefixMatchesItsOwnPath() {
        servlet("data", "/data/*", "viewer", 0, 1);
        servlet("admin", "/data/admin/*", "admin", 0, 2);

        assertThat(roles.requiredFor("/data/admin/users")).containsExactly("admin");
        assertThat(roles.requiredFor("/data")).containsExactly("viewer");
        assertThat(roles.requiredFor("/database")).isEmpty();
    }

    @Test
    void amongServletsWithTheSamePatternTheWhiteboardsChoiceCounts() {
        servlet("low", "/data/items", "viewer", 0, 1);
        servlet("high", "/data/items", "manager", 10, 2);
        servlet("older", "/data/other", "first", 0, 3);
        servlet("newer", "/data/other", "second", 0, 4);

        assertThat(roles.requiredFor("/data/items")).containsExactly("manager");
        assertThat(roles.requiredFor("/data/other")).containsExactly("first");
    }

    @Test
    void rolesAndPatternsMayBeListsOrCommaSeparated() {
        servlet("list", new String[] {"/a", "/b"}, List.of("viewer", "manager"), 0, 1);
        servlet("text", "/c", "viewer, manager", 0, 2);

        assertThat(roles.requiredFor("/b")).containsExactlyInAnyOrder("viewer", "manager");
        assertThat(roles.requiredFor("/c")).containsExactlyInAnyOrder("viewer", "manager");
    }

    @Test
    void servletsOfOtherContextsAndRemovedServletsDoNotCount() {
        roles.put("elsewhere", Map.of(
            "osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=other)",
            "osgi.http.whiteboard.servlet.pattern", "/data/items", "gatepass.roles", "admin"));
        servlet("gone", "/data/gone", "viewer", 0, 2);

        roles.remove("gone");

        assertThat(roles.requiredFor("/data/items")).isEmpty();
        assertThat(roles.requiredFor("/data/gone")).isEmpty();
    }
}
