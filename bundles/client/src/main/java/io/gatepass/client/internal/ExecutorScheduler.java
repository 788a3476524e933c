package io.gatepass.client.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread per connection, named after it, so a thread dump says whose refresh hangs. */
final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService executor;

    ExecutorScheduler(String connection) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatepass-client-" + connection);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
