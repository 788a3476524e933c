package io.gatepass.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of {@link EmbeddedRecordStoreComponent}, PID {@code io.gatepass.store}. */
@ObjectClassDefinition(
        name = "Gatepass embedded store",
        description = "Where Gatepass keeps client apps and tokens when no database is "
                + "configured: a journal and snapshots in one folder, readable by the owner only.")
public @interface EmbeddedStoreConfig {

    @AttributeDefinition(
            name = "Folder",
            description = "The folder of the store. Empty means ${karaf.data}/gatepass; a "
                    + "relative path is taken relative to ${karaf.data}. Only one Gatepass may "
                    + "use a folder at a time.")
    String directory() default "";

    @AttributeDefinition(
            name = "Compact after (MiB)",
            description = "When the journal grows past this size, Gatepass writes a snapshot of "
                    + "all records and starts a new journal. Larger means fewer snapshots and a "
                    + "slower start.",
            min = "1")
    int compactAfterMegabytes() default 64;
}
