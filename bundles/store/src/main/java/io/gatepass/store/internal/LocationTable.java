package io.gatepass.store.internal;

/**
 * Where the newest record of each key of one collection is in the store files: an
 * open-addressing hash table of three primitive arrays, from a key's {@link KeyDigest digest} to
 * its {@link Generation location}. There is no object per record, so a million records cost
 * about 40 bytes each, where a map of strings to byte arrays costs hundreds.
 *
 * <p>Linear probing over a capacity that need not be a power of two: the home slot of a key is
 * the high half of the product of its digest and the capacity, which spreads uniform digests
 * evenly over any capacity. A removal shifts the later entries of its run back into the gap
 * instead of leaving a tombstone, so lookups do not slow down as keys come and go. The table grows
 * by half once it is 80% full, which keeps its load between 53% and 80%, and shrinks to 65% full
 * once removals leave it under 25%: a collection that held many records for a while (the audit
 * trail before it is trimmed, grants before the sweeper removes them) does not keep their slots.
 *
 * <p>Not thread-safe: {@link Records} guards it.
 */
final class LocationTable {

    /** Marks an empty slot: no record starts at byte 0 of a file, where its header is. */
    static final long NONE = 0;

    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    private static final double MAX_LOAD = 0.8;
    /** The load a table made for a known number of keys starts at, so it can take more. */
    private static final double SIZED_LOAD = 0.65;
    /** Below this load a removal rebuilds the table smaller. */
    private static final double MIN_LOAD = 0.25;

    private long[] highs;
    private long[] lows;
    private long[] locations;
    private int size;
    private int growAt;

    LocationTable() {
        this(0);
    }

    /** @param expected how many keys the table is about to take, so that it need not grow */
    LocationTable(int expected) {
        allocate((int) Math.max(MIN_CAPACITY,
                Math.min(MAX_CAPACITY, (long) Math.ceil(expected / SIZED_LOAD))));
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        locations = new long[capacity];
        growAt = (int) (capacity * MAX_LOAD);
    }

    /** @return the number of keys */
    int size() {
        return size;
    }

    /** @return the location of the key, or {@link #NONE} */
    long get(long high, long low) {
        int slot = find(high, low);
        return slot < 0 ? NONE : locations[slot];
    }

    /** Sets the location of the key, adding the key if it is new. */
    void put(long high, long low, long location) {
        if (location == NONE) {
            throw new IllegalArgumentException("A record cannot be at byte 0 of a file");
        }
        int capacity = locations.length;
        int slot = home(high, capacity);
        while (locations[slot] != NONE) {
            if (highs[slot] == high && lows[slot] == low) {
                locations[slot] = location;
                return;
            }
            slot = next(slot, capacity);
        }
        highs[slot] = high;
        lows[slot] = low;
        locations[slot] = location;
        size++;
        if (size > growAt) {
            grow();
        }
    }

    /** @return whether the key was there */
    boolean remove(long high, long low) {
        int gap = find(high, low);
        if (gap < 0) {
            return false;
        }

        int capacity = locations.length;
        for (int slot = next(gap, capacity); locations[slot] != NONE;
                slot = next(slot, capacity)) {
            // An entry whose home lies after the gap, up to its slot, would no longer be found
            // from its home if it moved into the gap; any other entry of the run moves back.
            if (!cyclicallyAfter(home(highs[slot], capacity), gap, slot)) {
                highs[gap] = highs[slot];
                lows[gap] = lows[slot];
                locations[gap] = locations[slot];
                gap = slot;
            }
        }
        highs[gap] = 0;
        lows[gap] = 0;
        locations[gap] = NONE;
        size--;
        if (capacity > MIN_CAPACITY && size < capacity * MIN_LOAD) {
            resize((int) Math.max(MIN_CAPACITY, Math.ceil(size / SIZED_LOAD)));
        }
        return true;
    }

    /** @return the location of every key, in slot order */
    long[] locations() {
        long[] all = new long[size];
        int found = 0;
        for (long location : locations) {
            if (location != NONE) {
                all[found++] = location;
            }
        }
        return all;
    }

    /** @return the number of slots, for the tests of growth */
    int capacity() {
        return locations.length;
    }

    private int find(long high, long low) {
        int capacity = locations.length;
        for (int slot = home(high, capacity); locations[slot] != NONE;
                slot = next(slot, capacity)) {
            if (highs[slot] == high && lows[slot] == low) {
                return slot;
            }
        }
        return -1;
    }

    private void grow() {
        if (locations.length == MAX_CAPACITY) {
            throw new IllegalStateException("A collection of the Gatepass store cannot hold more "
                    + "than " + size + " records");
        }
        resize((int) Math.min(MAX_CAPACITY, locations.length * 3L / 2));
    }

    private void resize(int capacity) {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        long[] oldLocations = locations;
        allocate(capacity);
        for (int old = 0; old < oldLocations.length; old++) {
            if (oldLocations[old] != NONE) {
                int slot = home(oldHighs[old], capacity);
                while (locations[slot] != NONE) {
                    slot = next(slot, capacity);
                }
                highs[slot] = oldHighs[old];
                lows[slot] = oldLows[old];
                locations[slot] = oldLocations[old];
            }
        }
    }

    /**
     * Maps the digest to [0, capacity) by multiplying: the top 63 bits, as a fraction of 2^63,
     * times the capacity. Unlike a remainder it needs no division and uses the high bits.
     */
    static int home(long high, int capacity) {
        return (int) Math.multiplyHigh(high >>> 1, 2L * capacity);
    }

    private static int next(int slot, int capacity) {
        return slot + 1 == capacity ? 0 : slot + 1;
    }

    /** @return whether {@code home} lies in the cyclic range (gap, slot] */
    private static boolean cyclicallyAfter(int home, int gap, int slot) {
        return gap <= slot ? gap < home && home <= slot : gap < home || home <= slot;
    }

    @Override
    public String toString() {
        return "LocationTable[size=" + size + ", capacity=" + locations.length + "]";
    }
}
