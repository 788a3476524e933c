package io.gatepass.store.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before each step that touches the disk, so that tests can make a step fail the way a
 * full or broken disk would. The store uses {@link #NONE}.
 */
@FunctionalInterface
interface DiskFaults {

    DiskFaults NONE = (step, file) -> {
    };

    /** The steps a fault can be injected before. */
    enum Step {
        WRITE_JOURNAL, FORCE_JOURNAL, TRUNCATE_JOURNAL, WRITE_SNAPSHOT, RENAME_SNAPSHOT,
        CREATE_JOURNAL
    }

    /** @throws IOException to make the step fail */
    void before(Step step, Path file) throws IOException;
}
