package io.gatepass.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs scheduled tasks only when the test says so, by the test's clock. */
final class ManualScheduler implements Scheduler {

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        final Instant due;
        final Runnable body;
        boolean cancelled;

        Task(Instant due, Runnable body) {
            this.due = due;
            this.body = body;
        }
    }

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), task);
        tasks.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    @Override
    public void shutdown() {
        tasks.clear();
    }

    /** @return when the one pending task is due, if any */
    synchronized Optional<Instant> nextDue() {
        tasks.removeIf(t -> t.cancelled);
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder());
    }

    /** Moves the clock to the next task and runs it. */
    void runNext() {
        Instant due = nextDue().orElseThrow(() -> new AssertionError("nothing is scheduled"));
        if (due.isAfter(clock.instant())) {
            clock.set(due);
        }
        runDue();
    }

    /** Runs every task due by now, including ones they schedule for now. */
    void runDue() {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(clock.instant()))
                    .min(Comparator.comparing(t -> t.due)).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            next.body.run();
        }
    }
}
