package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.gatepass.api.GatepassException;

import org.junit.jupiter.api.Test;

class InFlightChangesTest {

    private final InFlightChanges changes = new InFlightChanges();

    @Test
    void aChangeRunsWhileTheServiceIsOpen() {
        assertThat(changes.run(() -> "done")).isEqualTo("done");
    }

    @Test
    void aChangeAfterClosingBeganIsRefusedWithASentence() {
        changes.close(Duration.ofSeconds(1));

        assertThatThrownBy(() -> changes.run(() -> "late"))
            .isInstanceOf(GatepassException.class)
            .hasMessage("The token service is stopping; try again in a moment.");
    }

    @Test
    void closingWaitsForTheChangeUnderWay() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> change = CompletableFuture.supplyAsync(() -> changes.run(() -> {
            started.countDown();
            await(release);
            return "finished";
        }));
        started.await(10, TimeUnit.SECONDS);

        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> changes.close(Duration.ofSeconds(30)));
        assertThat(closing).isNotDone();
        release.countDown();

        assertThat(closing.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(change.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
    }

    @Test
    void closingGivesUpAfterItsWaitWhenAChangeHangs() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> changes.run(() -> {
            started.countDown();
            await(release);
            return null;
        }));
        started.await(10, TimeUnit.SECONDS);

        assertThat(changes.close(Duration.ofMillis(50))).isFalse();
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
