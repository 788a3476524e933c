package io.gatepass.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.gatepass.api.ClientAppConflictException;
import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.NewClientApp;
import io.gatepass.api.StoreException;
import io.gatepass.spi.PrefixedSecret;

import org.junit.jupiter.api.Test;

class ClientAppRegistrationRulesTest {

    private final InMemoryRecordStore store = new InMemoryRecordStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final ClientAppRegistryImpl registry =
        new ClientAppRegistryImpl(store, clock, (topic, id) -> events.add(topic + " " + id));

    @Test
    void aNewAppIsConfidentialDisabledAndNamedAfterItsId() {
        ClientAppRegistration registration = registry.register(NewClientApp.withId("sdx-prod"));

        assertThat(registration.app().type()).isEqualTo(ClientAppType.CONFIDENTIAL);
        assertThat(registration.app().enabled()).isFalse();
        assertThat(registration.app().name()).isEqualTo("sdx-prod");
        assertThat(registration.app().created()).isEqualTo(clock.instant());
        assertThat(events).containsExactly("io/gatepass/app/REGISTERED sdx-prod");
    }

    @Test
    void aConfidentialAppGetsAWellFormedSecretThatAuthenticates() {
        ClientAppRegistration registration = registry.register(NewClientApp.withId("sdx-prod"));

        char[] secret = registration.clientSecret().orElseThrow().value();
        assertThat(new String(secret)).startsWith("gpcs_").hasSize(5 + 43 + 6);
        assertThat(PrefixedSecret.isWellFormed("gpcs_", secret)).isTrue();
        assertThat(registry.authenticate("sdx-prod", secret)).isTrue();
        assertThat(registration.secret().toString()).doesNotContain(new String(secret));
    }

    @Test
    void theStoreHoldsOnlyAHashOfTheSecret() {
        ClientAppRegistration registration = registry.register(NewClientApp.withId("sdx-prod"));

        String stored = new String(store.read("apps", "sdx-prod").orElseThrow());
        assertThat(stored).doesNotContain(registration.secret().reveal());
        assertThat(stored).contains("\"hash\"");
    }

    @Test
    void aPublicAppHasNoSecret() {
        ClientAppRegistration registration =
            registry.register(NewClientApp.withId("desktop-script").type(ClientAppType.PUBLIC));

        assertThat(registration.clientSecret()).isEmpty();
        assertThat(registration.app().type()).isEqualTo(ClientAppType.PUBLIC);
    }

    @Test
    void theNameIsTrimmedAndMayBeAnyUnicode() {
        ClientAppRegistration registration =
            registry.register(NewClientApp.withId("sync").name("  Ünïcødé 同步 🚀 Sync  "));

        assertThat(registration.app().name()).isEqualTo("Ünïcødé 同步 🚀 Sync");
    }

    @Test
    void anIdOfSixtyThreeCharactersIsAccepted() {
        String id = "a" + "-".repeat(61) + "z";

        assertThat(registry.register(NewClientApp.withId(id)).app().id()).isEqualTo(id);
    }

    @Test
    void anIdWithUpperCaseIsRejectedWithWhatIsAllowed() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("Sdx-Prod")))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid id 'Sdx-Prod': use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("id");
    }

    @Test
    void anIdStartingWithAHyphenIsRejected() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("-sdx")))
            .hasMessage("Invalid id '-sdx': use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.");
    }

    @Test
    void anIdWithAPathSeparatorIsRejected() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("../etc")))
            .hasMessage("Invalid id '../etc': use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.");
    }

    @Test
    void anIdOfSixtyFourCharactersIsRejectedAndShortenedInTheMessage() {
        String id = "a".repeat(64);

        assertThatThrownBy(() -> registry.register(NewClientApp.withId(id)))
            .hasMessage("Invalid id '" + "a".repeat(40) + "...' (64 characters): use 1 to 63 lower-case"
                + " letters, digits and hyphens, starting with a letter or digit.");
    }

    @Test
    void aMissingIdIsRejected() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId(null)))
            .hasMessage("Invalid id (nothing): use 1 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit.");
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx").name("   ")))
            .hasMessage("Invalid name '   ': use 1 to 200 characters (it has 0 after trimming).");
    }

    @Test
    void aNameOfTwoHundredAndOneCharactersIsRejected() {
        String name = "é".repeat(201);

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx").name(name)))
            .hasMessage("Invalid name '" + "é".repeat(40) + "...' (201 characters): use 1 to 200"
                + " characters (it has 201 after trimming).");
    }

    @Test
    void aNameWithALineBreakIsRejectedWithTheBreakShownEscaped() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx").name("a\nb")))
            .hasMessage("Invalid name 'a\\u000ab': use one line of text without control characters"
                + " such as line breaks or tabs.");
    }

    @Test
    void aDescriptionOverTwoThousandCharactersIsRejected() {
        String description = "x".repeat(2001);

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx").description(description)))
            .hasMessage("Invalid description '" + "x".repeat(40) + "...' (2001 characters): use at most"
                + " 2000 characters (it has 2001).");
    }

    @Test
    void anAccessLifetimeUnderFiveSecondsIsRejected() {
        assertThatThrownBy(() -> registry.register(
            NewClientApp.withId("sdx").accessTokenLifetime(Duration.ofSeconds(4))))
            .hasMessage("Invalid access-ttl '4s': use a duration from 5s to 24h, e.g. 15m or 1h.");
    }

    @Test
    void anAccessLifetimeOverADayIsRejected() {
        assertThatThrownBy(() -> registry.register(
            NewClientApp.withId("sdx").accessTokenLifetime(Duration.ofHours(25))))
            .hasMessage("Invalid access-ttl '25h': use a duration from 5s to 24h, e.g. 15m or 1h.");
    }

    @Test
    void aRefreshLifetimeUnderAMinuteIsRejected() {
        assertThatThrownBy(() -> registry.register(
            NewClientApp.withId("sdx").refreshTokenLifetime(Duration.ofSeconds(30))))
            .hasMessage("Invalid refresh-ttl '30s': use 0 (never expires) or a duration from 1m to"
                + " 3650d, e.g. 30d.");
    }

    @Test
    void aRefreshLifetimeShorterThanTheAccessLifetimeIsRejected() {
        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx")
            .accessTokenLifetime(Duration.ofHours(2)).refreshTokenLifetime(Duration.ofHours(1))))
            .hasMessage("Invalid refresh-ttl '1h': it must not be shorter than the access-ttl of 2h.");
    }

    @Test
    void aRefreshLifetimeOfZeroMeansNeverExpires() {
        ClientAppRegistration registration =
            registry.register(NewClientApp.withId("sdx").refreshTokenLifetime(Duration.ZERO));

        assertThat(registration.app().refreshTokenLifetime()).isZero();
    }

    @Test
    void aTakenIdIsRefused() {
        registry.register(NewClientApp.withId("sdx"));

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx")))
            .isInstanceOf(ClientAppConflictException.class)
            .hasMessage("A client app with id 'sdx' already exists.");
    }

    @Test
    void theIdOfADeletedAppIsNotReusedSilently() {
        registry.register(NewClientApp.withId("sdx"));
        registry.delete("sdx");

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx")))
            .isInstanceOf(ClientAppConflictException.class)
            .hasMessage("The id 'sdx' belonged to a client app deleted on 2026-12-03T10:00:00Z; ask"
                + " explicitly to reuse a deleted id (shell: --reuse-deleted-id) if it should name a new app.");
    }

    @Test
    void theIdOfADeletedAppIsReusedWhenAskedAndTheOldSecretIsGone() {
        char[] oldSecret = registry.register(NewClientApp.withId("sdx")).secret().value();
        registry.delete("sdx");

        ClientAppRegistration again = registry.register(NewClientApp.withId("sdx").reuseDeletedId(true));

        assertThat(again.app().id()).isEqualTo("sdx");
        assertThat(registry.authenticate("sdx", oldSecret)).isFalse();
    }

    @Test
    void aFailedStoreWriteRegistersNothing() {
        store.failNextWrite();

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx")))
            .isInstanceOf(StoreException.class)
            .hasMessage("Could not write to the test store: No space left on device");
        assertThat(registry.find("sdx")).isEmpty();
        assertThat(events).isEmpty();
        assertThat(registry.register(NewClientApp.withId("sdx")).app().id()).isEqualTo("sdx");
    }

    @Test
    void aRejectedRegistrationLeavesTheStoredAppsAsTheyWere() {
        registry.register(NewClientApp.withId("sdx").name("Original"));
        int writes = store.writes();

        assertThatThrownBy(() -> registry.register(NewClientApp.withId("sdx").name("Other")));

        assertThat(store.writes()).isEqualTo(writes);
        assertThat(registry.get("sdx").name()).isEqualTo("Original");
    }
}
