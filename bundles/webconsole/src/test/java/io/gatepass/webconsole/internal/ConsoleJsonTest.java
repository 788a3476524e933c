package io.gatepass.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.TokenPair;

import org.junit.jupiter.api.Test;

class ConsoleJsonTest {

    private static final Instant CREATED = Instant.parse("2026-12-03T14:02:16Z");
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private final ConsoleJson json = new ConsoleJson();

    @Test
    void markupCharactersAreWrittenAsUnicodeEscapesAndReadBackUnchanged() throws Exception {
        ClientApp app = app(XSS, "Tom & Jerry's \"sync\"", null, null);

        String written = new String(json.write(json.app(app, 0)), StandardCharsets.UTF_8);

        assertThat(written).doesNotContain("<", ">", "&", "'")
            .containsIgnoringCase("\\u003cimg src=x onerror=alert(1)\\u003e")
            .containsIgnoringCase("Tom \\u0026 Jerry\\u0027s \\\"sync\\\"");
        Map<?, ?> read = new ObjectMapper().readValue(written, Map.class);
        assertThat(read.get("name")).isEqualTo(XSS);
        assertThat(read.get("description")).isEqualTo("Tom & Jerry's \"sync\"");
    }

    @Test
    void anAppCarriesItsOwnLifetimesAsDurationTextAndNullForTheGlobalDefault() {
        Map<String, Object> withOverrides =
            json.app(app("Sync", "", Duration.ofMinutes(15), Duration.ZERO), 3);
        Map<String, Object> withDefaults = json.app(app("Sync", "", null, null), 0);

        assertThat(withOverrides).containsEntry("access-ttl", "15m").containsEntry("refresh-ttl", "0")
            .containsEntry("liveGrants", 3L).containsEntry("type", "confidential")
            .containsEntry("created", "2026-12-03T14:02:16Z").containsEntry("lastUsed", null);
        assertThat(withDefaults).containsEntry("access-ttl", null).containsEntry("refresh-ttl", null);
    }

    @Test
    void aGrantShowsItsStatusInWordsAndItsRolesSorted() {
        Grant grant = new Grant("g-1", "sync", "alice", Set.of("viewer", "admin"), CREATED, null,
            CREATED.plusSeconds(3600), null, GrantStatus.ACCESS_EXPIRED, null);

        Map<String, Object> written = json.grant(grant);

        assertThat(written).containsEntry("status", "access expired")
            .containsEntry("roles", List.of("admin", "viewer"))
            .containsEntry("accessExpires", "2026-12-03T15:02:16Z")
            .containsEntry("refreshExpires", null);
    }

    @Test
    void aTokenPairCarriesBothTokensAndWhenTheyExpire() {
        TokenPair pair = new TokenPair("gpat_a", "gprt_r", CREATED.plusSeconds(3600),
            CREATED.plusSeconds(7200), "g-1", "sync", "alice", Set.of("viewer"));

        assertThat(json.tokens(pair)).containsEntry("accessToken", "gpat_a")
            .containsEntry("refreshToken", "gprt_r")
            .containsEntry("accessExpires", "2026-12-03T15:02:16Z")
            .containsEntry("refreshExpires", "2026-12-03T16:02:16Z")
            .containsEntry("grantId", "g-1");
    }

    @Test
    void anAuditEntryKeepsItsFieldsAndMissingOnesAreNull() {
        AuditEntry entry =
            new AuditEntry(CREATED, "ISSUED", "sync", "alice", "g-1", "console:karaf@127.0.0.1", "");

        assertThat(json.audit(entry)).containsEntry("event", "ISSUED")
            .containsEntry("source", "console:karaf@127.0.0.1")
            .containsEntry("time", "2026-12-03T14:02:16Z");
        assertThat(json.audit(new AuditEntry(CREATED, "FAILED", null, null, null, "x", "")))
            .containsEntry("appId", null).containsEntry("grantId", null);
    }

    private static ClientApp app(String name, String description, Duration access, Duration refresh) {
        return new ClientApp("sync", name, description, ClientAppType.CONFIDENTIAL, true, access,
            refresh, CREATED, CREATED, null);
    }
}
