package io.gatepass.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private final CsrfGuard guard = new CsrfGuard(new SecureRandom());
    private final Session session = new Session();

    @Test
    void aSessionKeepsOneTokenOf256RandomBitsInUrlSafeBase64() {
        String token = guard.tokenFor(session);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(guard.tokenFor(session)).isEqualTo(token);
    }

    @Test
    void eachSessionGetsATokenOfItsOwn() {
        assertThat(guard.tokenFor(session)).isNotEqualTo(guard.tokenFor(new Session()));
    }

    @Test
    void theSessionsOwnTokenIsAccepted() {
        String token = guard.tokenFor(session);

        assertThat(guard.accepts(session, token)).isTrue();
    }

    @Test
    void aMissingTokenIsRefused() {
        guard.tokenFor(session);

        assertThat(guard.accepts(session, null)).isFalse();
        assertThat(guard.accepts(session, "")).isFalse();
    }

    @Test
    void aWrongOrTruncatedTokenIsRefused() {
        String token = guard.tokenFor(session);

        assertThat(guard.accepts(session, token.substring(1))).isFalse();
        assertThat(guard.accepts(session, token + "x")).isFalse();
        String flipped = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertThat(guard.accepts(session, flipped)).isFalse();
    }

    @Test
    void theTokenOfAnotherSessionIsRefused() {
        guard.tokenFor(session);
        String other = guard.tokenFor(new Session());

        assertThat(guard.accepts(session, other)).isFalse();
    }

    @Test
    void aRequestWithoutSessionOrFromASessionThatNeverSawThePageIsRefused() {
        String token = guard.tokenFor(session);

        assertThat(guard.accepts(null, token)).isFalse();
        assertThat(guard.accepts(new Session(), token)).isFalse();
    }

    private static final class Session implements CsrfGuard.SessionAttributes {

        private final Map<String, Object> attributes = new HashMap<>();

        @Override
        public Object get(String name) {
            return attributes.get(name);
        }

        @Override
        public void put(String name, Object value) {
            attributes.put(name, value);
        }
    }
}
