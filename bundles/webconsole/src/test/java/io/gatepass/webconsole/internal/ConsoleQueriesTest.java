package io.gatepass.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidInputException;

import org.junit.jupiter.api.Test;

class ConsoleQueriesTest {

    private final FakeRegistry registry = new FakeRegistry();
    private final FakeTokens tokens = new FakeTokens();
    private final ConsoleQueries queries = new ConsoleQueries(registry, tokens, new ConsoleJson());

    @Test
    void theAppsCarryTheirNumberOfLiveGrants() {
        registry.add("sync", "Sync", true);
        registry.add("script", "Script", false);
        tokens.addGrant("g-1", "sync", "alice", GrantStatus.ACTIVE);
        tokens.addGrant("g-2", "sync", "bob", GrantStatus.ACCESS_EXPIRED);
        tokens.addGrant("g-3", "sync", "carol", GrantStatus.REVOKED);

        List<Map<String, Object>> apps = list(queries.apps(), "apps");

        assertThat(apps).extracting(app -> app.get("id")).containsExactly("script", "sync");
        assertThat(apps).extracting(app -> app.get("liveGrants")).containsExactly(0L, 2L);
    }

    @Test
    void theGrantsOfAnAppAreLiveOnlyUnlessEndedOnesAreAskedFor() {
        tokens.addGrant("g-1", "sync", "alice", GrantStatus.ACTIVE);
        tokens.addGrant("g-2", "sync", "bob", GrantStatus.REVOKED);
        tokens.addGrant("g-3", "other", "alice", GrantStatus.ACTIVE);

        List<Map<String, Object>> live = list(queries.grants("sync", " ", false), "grants");
        List<Map<String, Object>> all = list(queries.grants("sync", null, true), "grants");

        assertThat(live).extracting(grant -> grant.get("grantId")).containsExactly("g-1");
        assertThat(all).extracting(grant -> grant.get("grantId")).containsExactly("g-1", "g-2");
        assertThat(tokens.lastQuery).isEqualTo("app=sync user=null ended=true");
    }

    @Test
    void theAuditIsFilteredByAppAndUserAndLimitedTo200ByDefault() {
        tokens.audit.add(
            new AuditEntry(FakeRegistry.NOW, "ISSUED", "sync", "alice", "g-1", "shell:karaf", ""));

        List<Map<String, Object>> entries = list(queries.audit("sync", "alice", null), "entries");
        queries.audit("", "", "5");

        assertThat(entries).extracting(entry -> entry.get("event")).containsExactly("ISSUED");
        assertThat(tokens.calls).containsExactly("audit app=sync user=alice limit=200",
            "audit app=null user=null limit=5");
    }

    @Test
    void anAuditLimitOutsideOneToAThousandIsRefusedNamingTheLimit() {
        for (String limit : new String[] {"0", "1001", "ten"}) {
            assertThatThrownBy(() -> queries.audit(null, null, limit)).as(limit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid limit '" + limit + "': use a whole number from 1 to 1000.");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply reply, String key) {
        assertThat(reply.status()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.body().get(key);
    }
}
