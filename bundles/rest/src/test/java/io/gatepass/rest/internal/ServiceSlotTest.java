package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ServiceSlotTest {

    private final ServiceSlot<String> slot = new ServiceSlot<>("test service");

    @Test
    void withoutAServiceACallAnswers503() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> slot.call(String::length))
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(503));
    }

    @Test
    void aBoundServiceIsCalled() {
        slot.bind("gatepass");

        assertThat(slot.call(String::length)).isEqualTo(8);
    }

    @Test
    void unbindWaitsForTheCallStillRunningOnTheOldService() throws Exception {
        slot.bind("old");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> slot.call(service -> {
            inside.countDown();
            awaitQuietly(release);
            return service.length();
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> unbinding = CompletableFuture.runAsync(() -> slot.unbind("old"));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !unbinding.isDone());
        assertThat(slot.isBound()).as("new calls are refused at once").isFalse();
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        unbinding.get(10, TimeUnit.SECONDS);
    }

    @Test
    void unbindingAServiceThatWasAlreadyReplacedKeepsTheNewOne() {
        slot.bind("old");
        slot.bind("new");

        slot.unbind("old");
        String called = slot.call(service -> service);

        assertThat(called).isEqualTo("new");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
