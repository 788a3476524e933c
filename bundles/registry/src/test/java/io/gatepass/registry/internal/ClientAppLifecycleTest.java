package io.gatepass.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.SecretRotation;
import io.gatepass.api.StoreException;
import io.gatepass.api.UnknownClientAppException;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;

class ClientAppLifecycleTest {

    private final InMemoryRecordStore store = new InMemoryRecordStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final ClientAppRegistryImpl registry = newRegistry();

    private ClientAppRegistryImpl newRegistry() {
        return new ClientAppRegistryImpl(store, clock, (topic, id) -> events.add(topic + " " + id));
    }

    @Test
    void anUnknownIdIsReportedWithTheKnownOnes() {
        registry.register(NewClientApp.withId("truview-sync"));
        registry.register(NewClientApp.withId("sdx-dev"));

        assertThatThrownBy(() -> registry.get("sdx-prod"))
            .isInstanceOf(UnknownClientAppException.class)
            .hasMessage("No client app named 'sdx-prod'. Known apps: sdx-dev, truview-sync.");
    }

    @Test
    void anUnknownIdWithNoAppsSaysSo() {
        assertThatThrownBy(() -> registry.enable("sdx"))
            .hasMessage("No client app named 'sdx'. No apps are registered yet.");
    }

    @Test
    void appsAreListedById() {
        registry.register(NewClientApp.withId("b-app"));
        registry.register(NewClientApp.withId("a-app"));

        assertThat(registry.list()).extracting(ClientApp::id).containsExactly("a-app", "b-app");
    }

    @Test
    void enablingAndDisablingChangesTheAppAndPostsEvents() {
        registry.register(NewClientApp.withId("sdx"));
        clock.advance(Duration.ofMinutes(1));

        ClientApp enabled = registry.enable("sdx");
        ClientApp disabled = registry.disable("sdx");

        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.updated()).isEqualTo(clock.instant());
        assertThat(disabled.enabled()).isFalse();
        assertThat(events).containsExactly("io/gatepass/app/REGISTERED sdx",
            "io/gatepass/app/ENABLED sdx", "io/gatepass/app/DISABLED sdx");
    }

    @Test
    void onlyAnExistingEnabledAppCountsAsEnabled() {
        registry.register(NewClientApp.withId("on").enabled(true));
        registry.register(NewClientApp.withId("off"));
        registry.register(NewClientApp.withId("gone").enabled(true));
        registry.delete("gone");

        assertThat(registry.isEnabled("on")).isTrue();
        assertThat(registry.isEnabled("off")).isFalse();
        assertThat(registry.isEnabled("gone")).isFalse();
        assertThat(registry.isEnabled("never")).isFalse();
        assertThat(registry.isEnabled(null)).isFalse();
    }

    @Test
    void enablingAnEnabledAppWritesNothing() {
        registry.register(NewClientApp.withId("sdx").enabled(true));
        int writes = store.writes();

        registry.enable("sdx");

        assertThat(store.writes()).isEqualTo(writes);
    }

    @Test
    void anUpdateChangesOnlyTheGivenFields() {
        registry.register(NewClientApp.withId("sdx").name("SDX").description("Sync")
            .accessTokenLifetime(Duration.ofMinutes(15)));

        ClientApp updated = registry.update("sdx", ClientAppUpdate.none().name("SDX Production"));

        assertThat(updated.name()).isEqualTo("SDX Production");
        assertThat(updated.description()).isEqualTo("Sync");
        assertThat(updated.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anUpdateCanReturnALifetimeToTheDefault() {
        registry.register(NewClientApp.withId("sdx").accessTokenLifetime(Duration.ofMinutes(15)));

        ClientApp updated = registry.update("sdx", ClientAppUpdate.none().accessTokenLifetime(null));

        assertThat(updated.accessTokenLifetimeOverride()).isEmpty();
    }

    @Test
    void aRejectedUpdateLeavesTheAppAsItWas() {
        registry.register(NewClientApp.withId("sdx").name("SDX"));

        ClientAppUpdate tooLong = ClientAppUpdate.none().name("ok").description("x".repeat(2001));

        assertThatThrownBy(() -> registry.update("sdx", tooLong))
            .isInstanceOf(InvalidInputException.class);

        assertThat(registry.get("sdx").name()).isEqualTo("SDX");
        assertThat(newRegistry().get("sdx").name()).isEqualTo("SDX");
    }

    @Test
    void anUpdateCheckedAgainstTheStoredLifetimes() {
        registry.register(NewClientApp.withId("sdx").accessTokenLifetime(Duration.ofHours(2)));

        assertThatThrownBy(() -> registry.update("sdx",
            ClientAppUpdate.none().refreshTokenLifetime(Duration.ofHours(1))))
            .hasMessage("Invalid refresh-ttl '1h': it must not be shorter than the access-ttl of 2h.");
    }

    @Test
    void aDeletedAppIsGoneButItsSecretNoLongerWorks() {
        char[] secret = registry.register(NewClientApp.withId("sdx")).secret().value();

        registry.delete("sdx");

        assertThat(registry.find("sdx")).isEmpty();
        assertThat(registry.list()).isEmpty();
        assertThat(registry.authenticate("sdx", secret)).isFalse();
        assertThatThrownBy(() -> registry.delete("sdx")).isInstanceOf(UnknownClientAppException.class);
    }

    @Test
    void aRotationEndsThePreviousSecretAtOnceByDefault() {
        char[] first = registry.register(NewClientApp.withId("sdx")).secret().value();

        SecretRotation rotation = registry.rotateSecret("sdx", Duration.ZERO);

        assertThat(rotation.previousSecretGrace()).isEmpty();
        assertThat(registry.authenticate("sdx", first)).isFalse();
        assertThat(registry.authenticate("sdx", rotation.secret().value())).isTrue();
    }

    @Test
    void aRotationCanKeepThePreviousSecretForAGracePeriod() {
        char[] first = registry.register(NewClientApp.withId("sdx")).secret().value();

        SecretRotation rotation = registry.rotateSecret("sdx", Duration.ofHours(24));

        assertThat(rotation.previousSecretGrace()).contains(clock.instant().plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(registry.authenticate("sdx", first)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(registry.authenticate("sdx", first)).isFalse();
        assertThat(registry.authenticate("sdx", rotation.secret().value())).isTrue();
    }

    @Test
    void aPublicAppHasNoSecretToRotate() {
        registry.register(NewClientApp.withId("script").type(ClientAppType.PUBLIC));

        assertThatThrownBy(() -> registry.rotateSecret("script", Duration.ZERO))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Client app 'script' is public and has no client secret to rotate.");
    }

    @Test
    void aGracePeriodOverThirtyDaysIsRejected() {
        registry.register(NewClientApp.withId("sdx"));

        assertThatThrownBy(() -> registry.rotateSecret("sdx", Duration.ofDays(31)))
            .hasMessage("Invalid keep-old '31d': use 0 (the old secret stops at once) or a duration up to"
                + " 30d, e.g. 24h.");
    }

    @Test
    void aMalformedOrForeignSecretDoesNotAuthenticate() {
        char[] secret = registry.register(NewClientApp.withId("sdx")).secret().value();
        registry.register(NewClientApp.withId("other"));
        char[] mistyped = secret.clone();
        mistyped[10] = mistyped[10] == 'a' ? 'b' : 'a';

        assertThat(registry.authenticate("sdx", mistyped)).isFalse();
        assertThat(registry.authenticate("other", secret)).isFalse();
        assertThat(registry.authenticate("sdx", "gpcs_short".toCharArray())).isFalse();
        assertThat(registry.authenticate("nope", secret)).isFalse();
    }

    @Test
    void usesAreShownAtOnceAndWrittenInOneBatch() {
        registry.register(NewClientApp.withId("a"));
        registry.register(NewClientApp.withId("b"));
        int writes = store.writes();
        clock.advance(Duration.ofMinutes(5));

        registry.recordUse("a");
        registry.recordUse("b");
        registry.recordUse("a");

        assertThat(registry.get("a").lastUsed()).isEqualTo(clock.instant());
        assertThat(store.writes()).isEqualTo(writes);
        registry.flushUses();
        assertThat(store.writes()).isEqualTo(writes + 1);
        assertThat(newRegistry().get("b").lastUsed()).isEqualTo(clock.instant());
    }

    @Test
    void aFailedFlushKeepsTheUsesForTheNextOne() {
        registry.register(NewClientApp.withId("a"));
        registry.recordUse("a");
        store.failNextWrite();

        assertThatThrownBy(registry::flushUses).isInstanceOf(StoreException.class);
        registry.flushUses();

        assertThat(newRegistry().get("a").lastUsed()).isEqualTo(clock.instant());
    }

    @Test
    void everythingSurvivesAReload() {
        registry.register(NewClientApp.withId("sdx").name("SDX").description("Sync agent").enabled(true)
            .accessTokenLifetime(Duration.ofMinutes(10)).refreshTokenLifetime(Duration.ofDays(7)));
        char[] secret = registry.rotateSecret("sdx", Duration.ZERO).secret().value();
        registry.register(NewClientApp.withId("gone"));
        registry.delete("gone");

        ClientAppRegistryImpl reloaded = newRegistry();

        assertThat(reloaded.get("sdx")).isEqualTo(registry.get("sdx"));
        assertThat(reloaded.authenticate("sdx", secret)).isTrue();
        assertThat(reloaded.find("gone")).isEmpty();
        assertThatThrownBy(() -> reloaded.register(NewClientApp.withId("gone")))
            .hasMessageStartingWith("The id 'gone' belonged to a client app deleted on");
    }

    @Test
    void aStoredAppOfAnUnknownFormatVersionIsRefused() {
        store.write(new WriteBatch().put("apps", "future",
            "{\"v\":2,\"id\":\"future\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(this::newRegistry)
            .isInstanceOf(StoreException.class)
            .hasMessage("The stored client app 'future' has format version 2; this Gatepass reads"
                + " version 1. Upgrade Gatepass or restore a backup.");
    }

    @Test
    void anUnreadableStoredAppIsRefusedWithItsKey() {
        store.write(new WriteBatch().put("apps", "broken", "{not json".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(this::newRegistry)
            .isInstanceOf(StoreException.class)
            .hasMessageStartingWith("The stored client app 'broken' cannot be read: ");
    }
}
