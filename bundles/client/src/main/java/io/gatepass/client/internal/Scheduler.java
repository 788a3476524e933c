package io.gatepass.client.internal;

import java.time.Duration;

/** Runs a connection's refreshes later; a controllable one in tests. */
interface Scheduler {

    /** A scheduled task that can be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Runnable task, Duration delay);

    /** Stops running tasks; scheduled ones are dropped. */
    void shutdown();
}
