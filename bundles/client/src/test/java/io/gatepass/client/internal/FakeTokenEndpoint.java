package io.gatepass.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import io.gatepass.api.TokenKind;
import io.gatepass.spi.PrefixedSecret;

/**
 * A token endpoint that rotates like the server: it accepts only the refresh token it issued
 * last, and otherwise answers what the test has queued.
 */
final class FakeTokenEndpoint implements TokenEndpoint {

    private final Clock clock;
    private final Deque<Supplier<Answer>> queued = new ArrayDeque<>();
    final List<String> presented = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    Duration accessLifetime = Duration.ofMinutes(60);
    String current;

    FakeTokenEndpoint(Clock clock) {
        this.clock = clock;
    }

    /** @return a refresh token the server knows, as an administrator would have generated it */
    String generate() {
        current = new String(PrefixedSecret.generate(TokenKind.REFRESH.prefix()));
        return current;
    }

    void queue(Supplier<Answer> behaviour) {
        queued.add(behaviour);
    }

    void queueUnreachable(int times) {
        for (int i = 0; i < times; i++) {
            queue(() -> {
                throw new Unreachable("The server could not be reached: ConnectException.", null);
            });
        }
    }

    void queueRefused(String error, String message) {
        queue(() -> {
            throw new Refused(error, message);
        });
    }

    @Override
    public synchronized Answer refresh(String refreshToken, char[] clientSecret) {
        presented.add(refreshToken);
        secrets.add(new String(clientSecret));
        Supplier<Answer> behaviour = queued.poll();
        if (behaviour != null) {
            return behaviour.get();
        }
        if (!refreshToken.equals(current)) {
            throw new Refused("invalid_grant", "The server refused the refresh (invalid_grant): reused.");
        }
        current = new String(PrefixedSecret.generate(TokenKind.REFRESH.prefix()));
        return new Answer(new String(PrefixedSecret.generate(TokenKind.ACCESS.prefix())), current,
            clock.instant().plus(accessLifetime), null);
    }
}
