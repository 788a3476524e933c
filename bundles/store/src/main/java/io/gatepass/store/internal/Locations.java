package io.gatepass.store.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The location of every record of a generation, one {@link LocationTable} per collection.
 * Not thread-safe: recovery and compaction fill it alone, and once published the writer changes
 * it under the write lock of {@link Records}.
 */
final class Locations {

    private final Map<String, LocationTable> collections = new HashMap<>();

    /** @return the table of the collection, or null if it never had a record */
    LocationTable table(String collection) {
        return collections.get(collection);
    }

    /** @return the table of the collection, made if it is new */
    LocationTable tableFor(String collection, int expected) {
        return collections.computeIfAbsent(collection, name -> new LocationTable(expected));
    }

    void put(String collection, long keyHigh, long keyLow, long location) {
        tableFor(collection, 0).put(keyHigh, keyLow, location);
    }

    void remove(String collection, long keyHigh, long keyLow) {
        LocationTable table = collections.get(collection);
        if (table != null) {
            table.remove(keyHigh, keyLow);
        }
    }

    /** @return every collection that ever had a record, with its table */
    Map<String, LocationTable> tables() {
        return collections;
    }

    /** @return the number of records in each collection that has any */
    SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        collections.forEach((name, table) -> {
            if (table.size() > 0) {
                counts.put(name, table.size());
            }
        });
        return counts;
    }
}
