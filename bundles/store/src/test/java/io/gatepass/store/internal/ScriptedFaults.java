package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Disk faults a test sets up in advance: each planned failure happens once, at its step. */
final class ScriptedFaults implements DiskFaults {

    private final Map<Step, Queue<String>> planned = new ConcurrentHashMap<>();

    /** @return these faults, with the next call of that step failing with the message */
    ScriptedFaults failNext(Step step, String message) {
        planned.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(message);
        return this;
    }

    @Override
    public void before(Step step, Path file) throws IOException {
        Queue<String> messages = planned.get(step);
        String message = messages == null ? null : messages.poll();
        if (message != null) {
            throw new IOException(message);
        }
    }
}
