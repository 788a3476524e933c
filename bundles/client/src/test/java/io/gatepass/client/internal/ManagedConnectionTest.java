package io.gatepass.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gatepass.api.GatepassException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.client.ClientEvents;
import io.gatepass.client.ConnectionState;
import io.gatepass.client.ReauthorizationNeededException;
import io.gatepass.client.TokenUnavailableException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedConnectionTest {

    private static final String SECRET = "gpcs_" + "x";

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeTokenEndpoint server = new FakeTokenEndpoint(clock);
    private final MemoryVault vault = new MemoryVault();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private double random = 0;
    private ManagedConnection connection;

    @BeforeEach
    void start() {
        connection = open();
    }

    private static ConnectionSettings crm() {
        return new ConnectionSettings("crm", "http://127.0.0.1:8181",
            URI.create("http://127.0.0.1:8181/gatepass/oauth/token"), "crm-sync", "configured".toCharArray(), 0.75,
            0.1, Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofSeconds(10));
    }

    private ManagedConnection open() {
        ManagedConnection opened = new ManagedConnection(crm(), vault, server, scheduler, clock,
            (topic, properties) -> events.add(topic + " " + properties), () -> random);
        opened.start();
        return opened;
    }

    private void restart() {
        connection.close();
        scheduler.shutdown();
        connection = open();
    }

    private void importGenerated() {
        connection.importTokens(server.generate(), null);
    }

    @Test
    void withoutTokensCallersAreToldToImportThem() {
        assertThat(connection.status().state()).isEqualTo(ConnectionState.NOT_AUTHORIZED);
        assertThatThrownBy(connection::accessToken).isInstanceOf(ReauthorizationNeededException.class)
            .hasMessage("Connection 'crm' has no tokens yet: generate tokens for app 'crm-sync' on the server and"
                + " import them with gatepass-client:import crm.");
    }

    @Test
    void importRefreshesAtOnceAndKeepsTheNewPairInTheVault() {
        String generated = server.generate();

        connection.importTokens(generated, null);

        assertThat(server.presented).containsExactly(generated);
        assertThat(server.secrets).containsExactly("configured");
        assertThat(vault.stored("crm").refreshToken()).isEqualTo(server.current);
        assertThat(connection.accessToken()).startsWith("gpat_");
        assertThat(connection.status().state()).isEqualTo(ConnectionState.READY);
        assertThat(events).anyMatch(e -> e.startsWith(ClientEvents.AUTHORIZED));
    }

    @Test
    void theRefreshIsDueAtTheConfiguredShareOfTheLifetimeLessTheJitter() {
        Instant imported = clock.instant();
        importGenerated();
        assertThat(scheduler.nextDue()).hasValue(imported.plus(Duration.ofMinutes(45)));

        random = 1;
        importGenerated();

        assertThat(scheduler.nextDue()).hasValue(imported.plus(Duration.ofMinutes(39)));
    }

    @Test
    void itRefreshesOnScheduleAcrossManyLifetimesWithTheNewestRefreshToken() {
        importGenerated();
        String first = connection.accessToken();

        for (int i = 0; i < 5; i++) {
            scheduler.runNext();
        }

        assertThat(server.presented).hasSize(6);
        assertThat(connection.accessToken()).isNotEqualTo(first);
        assertThat(vault.stored("crm").refreshToken()).isEqualTo(server.current);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-03T13:45:00Z"));
        assertThat(events).filteredOn(e -> e.startsWith(ClientEvents.REFRESHED)).hasSize(5);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsHandedOut() {
        importGenerated();
        String first = connection.accessToken();
        clock.advance(Duration.ofMinutes(61));

        assertThat(connection.accessToken()).isNotEqualTo(first);
        assertThat(server.presented).hasSize(2);
    }

    @Test
    void theNewPairIsDurableBeforeItsAccessTokenIsUsed() {
        importGenerated();
        String first = connection.accessToken();
        String refreshBefore = vault.stored("crm").refreshToken();
        vault.failingPuts = 1;

        scheduler.runNext();

        assertThat(connection.status().state()).isEqualTo(ConnectionState.RETRYING);
        assertThat(connection.status().problem())
            .isEqualTo("The new tokens could not be saved in the vault: No space left on device (injected).");
        assertThat(connection.accessToken()).isEqualTo(first);
        assertThat(vault.stored("crm").refreshToken()).isEqualTo(refreshBefore);

        scheduler.runNext();

        assertThat(server.presented).as("the retry saves what it got, it does not refresh again").hasSize(2);
        assertThat(vault.stored("crm").refreshToken()).isEqualTo(server.current);
        assertThat(connection.accessToken()).isNotEqualTo(first);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void aServerThatCannotBeReachedIsRetriedWithDoublingDelaysWhileTheCurrentTokenIsServed() {
        importGenerated();
        String current = connection.accessToken();
        random = 1;
        server.queueUnreachable(3);

        scheduler.runNext();
        Instant failed = clock.instant();

        assertThat(connection.status().state()).isEqualTo(ConnectionState.RETRYING);
        assertThat(connection.status().problem()).isEqualTo("The server could not be reached: ConnectException.");
        assertThat(scheduler.nextDue()).hasValue(failed.plusSeconds(2));
        assertThat(connection.accessToken()).isEqualTo(current);
        scheduler.runNext();
        assertThat(scheduler.nextDue()).hasValue(failed.plusSeconds(2 + 4));
        scheduler.runNext();
        assertThat(scheduler.nextDue()).hasValue(failed.plusSeconds(2 + 4 + 8));

        scheduler.runNext();

        assertThat(connection.status().state()).isEqualTo(ConnectionState.READY);
        assertThat(connection.status().problem()).isNull();
        assertThat(connection.accessToken()).isNotEqualTo(current);
    }

    @Test
    void theRetryDelayDoublesUpToItsMaximumAndTheJitterOnlyShortensIt() {
        RefreshTiming timing = new RefreshTiming(crm(), () -> random);
        random = 1;
        assertThat(timing.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(timing.backoff(6)).isEqualTo(Duration.ofSeconds(64));
        assertThat(timing.backoff(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(timing.backoff(100)).isEqualTo(Duration.ofMinutes(2));
        random = 0;
        assertThat(timing.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aServerAskingToWaitLongerIsHeard() {
        importGenerated();
        server.queue(() -> {
            throw new TokenEndpoint.Unreachable("The server is busy (HTTP 429).", Duration.ofSeconds(30));
        });

        scheduler.runNext();

        assertThat(scheduler.nextDue()).hasValue(clock.instant().plusSeconds(30));
    }

    @Test
    void whenTheTokenHasExpiredAndTheServerIsDownCallersGetAClearTransientError() {
        importGenerated();
        server.queueUnreachable(2);
        scheduler.runNext();
        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(connection::accessToken).isInstanceOf(TokenUnavailableException.class)
            .hasMessageStartingWith("Connection 'crm' has no valid access token now: The server could not be"
                + " reached: ConnectException. Next attempt at ");
    }

    @Test
    void aRevokedGrantPutsTheConnectionInReauthorizationNeededUntilNewTokensAreImported() {
        importGenerated();
        server.queueRefused("invalid_grant", "The server refused the refresh (invalid_grant): The refresh token"
            + " cannot be used: the token has been revoked.");

        scheduler.runNext();

        String expected = "The server refused the refresh (invalid_grant): The refresh token cannot be used: the"
            + " token has been revoked. Generate new tokens for app 'crm-sync' and import them with"
            + " gatepass-client:import crm.";
        assertThat(connection.status().state()).isEqualTo(ConnectionState.REAUTHORIZATION_NEEDED);
        assertThat(connection.status().problem()).isEqualTo(expected);
        assertThat(scheduler.nextDue()).isEmpty();
        assertThat(events).anyMatch(e -> e.startsWith(ClientEvents.REAUTHORIZATION_NEEDED)
            && e.contains("connection=crm") && e.contains("has been revoked"));
        assertThatThrownBy(connection::accessToken).isInstanceOf(ReauthorizationNeededException.class)
            .hasMessage("Connection 'crm' needs re-authorization: " + expected);

        restart();
        assertThat(connection.status().state()).isEqualTo(ConnectionState.REAUTHORIZATION_NEEDED);

        importGenerated();
        assertThat(connection.status().state()).isEqualTo(ConnectionState.READY);
        assertThat(connection.accessToken()).startsWith("gpat_");
    }

    @Test
    void afterARestartTheStoredPairIsUsedWithoutARefreshAndTheScheduleGoesOn() {
        importGenerated();
        String access = connection.accessToken();
        clock.advance(Duration.ofMinutes(10));

        restart();

        assertThat(connection.accessToken()).isEqualTo(access);
        assertThat(server.presented).hasSize(1);
        assertThat(scheduler.nextDue()).hasValue(clock.instant().plus(Duration.ofMinutes(35)));
    }

    @Test
    void anOverdueRefreshRunsAtOnceAfterARestart() {
        importGenerated();
        clock.advance(Duration.ofHours(3));

        restart();

        assertThat(scheduler.nextDue()).hasValue(clock.instant());
        scheduler.runDue();
        assertThat(server.presented).hasSize(2);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void aFreshTokenAfterA401RefreshesOnlyIfNobodyHasAlready() {
        importGenerated();
        String rejected = connection.accessToken();

        String fresh = connection.freshAccessToken(rejected);
        String again = connection.freshAccessToken(rejected);

        assertThat(fresh).isNotEqualTo(rejected).isEqualTo(again);
        assertThat(server.presented).hasSize(2);
    }

    @Test
    void aRefreshTokenOfTheWrongFormIsRefusedBeforeTheServerIsAsked() {
        assertThatThrownBy(() -> connection.importTokens("gprt_not-a-real-one", null))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("That is not a Gatepass refresh token: one starts with gprt_ and is 54 characters long,"
                + " with a checksum that catches typing and copying mistakes. Nothing was imported; the connection"
                + " is as it was.");
        assertThatThrownBy(() -> connection.importTokens("gpat_" + "a".repeat(49), null))
            .hasMessageStartingWith("That is an access token (gpat_...); the refresh token starts with gprt_.");
        assertThatThrownBy(() -> connection.importTokens("  ", null)).hasMessageStartingWith("No refresh token");
        assertThat(server.presented).isEmpty();
        assertThat(vault.secrets).isEmpty();
    }

    @Test
    void aRefusedImportLeavesTheConnectionAsItWas() {
        importGenerated();
        String access = connection.accessToken();
        StoredTokens before = vault.stored("crm");
        String stale = server.generate();
        server.generate();

        assertThatThrownBy(() -> connection.importTokens(stale, null)).isInstanceOf(InvalidInputException.class)
            .hasMessage("The server refused the refresh (invalid_grant): reused. Nothing was imported; the"
                + " connection is as it was.");
        server.queueRefused("invalid_client", "The server refused the refresh (invalid_client): Client"
            + " authentication failed for client app 'crm-sync'.");
        assertThatThrownBy(() -> connection.importTokens(server.generate(), null))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("client-secret"))
            .hasMessageContaining("Check the app id 'crm-sync' and give the app's client secret");
        server.queueUnreachable(1);
        assertThatThrownBy(() -> connection.importTokens(server.generate(), null))
            .isInstanceOf(GatepassException.class)
            .hasMessage("The server at http://127.0.0.1:8181 could not be asked: The server could not be reached:"
                + " ConnectException. Nothing was imported; the connection is as it was.");

        assertThat(vault.stored("crm")).isEqualTo(before);
        assertThat(connection.accessToken()).isEqualTo(access);
    }

    @Test
    void aClientSecretGivenAtImportIsKeptInTheVaultWhenTheConfigurationHasNone() {
        ConnectionSettings noSecret = new ConnectionSettings("erp", "http://127.0.0.1:8181",
            URI.create("http://127.0.0.1:8181/gatepass/oauth/token"), "erp-sync", new char[0], 0.75, 0.1,
            Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofSeconds(10));
        ManagedConnection erp = new ManagedConnection(noSecret, vault, server, scheduler, clock, (t, p) -> { },
            () -> 0);
        erp.start();
        char[] secret = ("gpcs_" + new String(io.gatepass.spi.PrefixedSecret.generate("gpcs_")).substring(5))
            .toCharArray();

        erp.importTokens(server.generate(), secret);
        scheduler.runNext();

        assertThat(server.secrets).containsExactly(new String(secret), new String(secret));
        assertThat(erp.hasStoredSecret()).isTrue();
        assertThat(vault.stored("erp").clientSecret()).isEqualTo(new String(secret));
        assertThatThrownBy(() -> erp.importTokens(server.generate(), SECRET.toCharArray()))
            .hasMessageStartingWith("That is not a Gatepass client secret");
    }

    @Test
    void descriptionsShowNoTokenOrSecret() {
        importGenerated();
        StoredTokens stored = vault.stored("crm");

        assertThat(stored.toString()).doesNotContain(stored.accessToken(), stored.refreshToken())
            .startsWith("StoredTokens[access token until ");
        assertThat(connection.toString()).isEqualTo("ManagedToken[crm, ready]");
        assertThat(connection.status().toString()).doesNotContain("gpat_", "gprt_", "configured");
    }
}
