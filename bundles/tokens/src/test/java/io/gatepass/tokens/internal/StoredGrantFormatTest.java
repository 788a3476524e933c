package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

import io.gatepass.api.ClientCredentials;
import io.gatepass.api.InvalidGrantException;
import io.gatepass.api.StoreException;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPair;
import io.gatepass.spi.PrefixedSecret;
import io.gatepass.spi.WriteBatch;

import org.junit.jupiter.api.Test;

/** Grants written by an earlier Gatepass, and grant records that are damaged. */
class StoredGrantFormatTest extends TokenServiceHarness {

    private static final String GRANT_ID = "g-00112233aabbccdd";

    @Test
    void aVersion1GrantWithFullSha256HashesKeepsWorking() throws Exception {
        String access = new String(PrefixedSecret.generate(TokenKind.ACCESS.prefix()));
        String refresh = new String(PrefixedSecret.generate(TokenKind.REFRESH.prefix()));
        long now = clock.millis();
        putGrant(GRANT_ID, """
            {"v":1,"id":"%s","app":"sync","user":"alice","roles":["admin"],"created":%d,
             "access":[{"h":"%s","exp":%d}],"refresh":"%s","refreshIssued":%d,"rotated":[],"notified":false}
            """.formatted(GRANT_ID, now, sha256(access), now + Duration.ofHours(1).toMillis(), sha256(refresh), now));
        reopen();

        assertThat(tokens.validate(access).principal().orElseThrow().grantId()).isEqualTo(GRANT_ID);
        TokenPair next = tokens.refresh(refresh, new ClientCredentials("sync", SECRET.toCharArray()));
        reopen();

        assertThat(tokens.validate(next.accessToken()).isValid()).isTrue();
        assertThat(tokens.validate(access).isValid()).as("the previous access token, until it expires").isTrue();
        assertThat(tokens.grant(GRANT_ID).orElseThrow().roles()).containsExactly("admin");
        assertThatThrownBy(() -> tokens.refresh(refresh, new ClientCredentials("sync", SECRET.toCharArray())))
            .isInstanceOf(InvalidGrantException.class).hasMessageContaining("already used");
    }

    @Test
    void aGrantUnderAKeyThatIsNoGrantIdIsRefusedByName() {
        TokenPair kept = generateForAlice();
        putGrant("not-a-grant", """
            {"v":2,"id":"not-a-grant","app":"sync","user":"alice","roles":[],"created":1,
             "access":[{"h":"AAAAAAAAAAAAAAAAAAAAAA==","exp":2}],"refresh":"AAAAAAAAAAAAAAAAAAAAAA==",
             "refreshIssued":1,"rotated":[],"notified":false}
            """);

        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class)
            .hasMessageContaining("'not-a-grant'").hasMessageContaining("grant id");
        // Nothing stored was lost or changed: removing the stray record brings the service back.
        assertThat(journal.recordCounts()).containsEntry(TokenServiceImpl.GRANTS, 2);
        journal.write(new WriteBatch().delete(TokenServiceImpl.GRANTS, "not-a-grant"));
        reopen();
        assertThat(tokens.validate(kept.accessToken()).isValid()).isTrue();
    }

    @Test
    void aTokenHashOfTheWrongLengthIsRefusedByName() {
        putGrant(GRANT_ID, """
            {"v":2,"id":"%s","app":"sync","user":"alice","roles":[],"created":1,
             "access":[{"h":"AAAA","exp":2}],"refresh":"AAAAAAAAAAAAAAAAAAAAAA==","refreshIssued":1,
             "rotated":[],"notified":false}
            """.formatted(GRANT_ID));

        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class)
            .hasMessageContaining(GRANT_ID).hasMessageContaining("3 bytes");
    }

    @Test
    void aGrantOfAFutureFormatIsRefusedWithWhatToDo() {
        putGrant(GRANT_ID, "{\"v\":3,\"id\":\"" + GRANT_ID + "\"}");

        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class)
            .hasMessageContaining("format version 3").hasMessageContaining("Upgrade Gatepass");
    }

    private void putGrant(String key, String json) {
        journal.write(new WriteBatch().put(TokenServiceImpl.GRANTS, key, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String token) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(
            token.getBytes(StandardCharsets.US_ASCII)));
    }
}
