package io.gatepass.tokens.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * A hash table from 64-bit keys to values, in two arrays: 12 bytes a slot, with no object per
 * entry, where a {@code ConcurrentHashMap} spends a node, a boxed or hashed key and its array on
 * each. Made for keys that are already random (token hashes, grant ids); several values may share
 * a key, so a lookup hands each candidate to a check and the value itself says whether it is the
 * one wanted.
 *
 * <p>Readers take no lock and allocate nothing; writers hold the table's monitor. A writer fills
 * in a slot's key before it publishes the value with a release, and a reader reads the value with
 * an acquire before the key, so a reader never pairs a value with a key it was not written with
 * except in a slot being reused, where the check rejects it. Removed slots keep a marker, never
 * moved entries, so a reader's probe never skips an entry that is there; the markers go when the
 * table is rebuilt into new arrays, which readers pick up from a volatile field.
 *
 * @param <V> the values
 */
final class LongTable<V> {

    /** Tells whether a candidate found under the key is the value wanted. */
    @FunctionalInterface
    interface Check<V, A> {
        boolean matches(V value, A argument);
    }

    private static final Object REMOVED = new Object();
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int MIN_CAPACITY = 16;
    /** Live and removed slots past this share of the capacity make the next insert rebuild. */
    private static final double MAX_USED = 0.75;
    /** Spreads keys that are not random enough over the table; a no-op for random ones. */
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private volatile Slots slots = new Slots(MIN_CAPACITY);
    private volatile int size;

    /**
     * @return a value under the key that passes the check, or null; when several do, any of them
     */
    @SuppressWarnings("unchecked")
    <A> V find(long key, A argument, Check<? super V, ? super A> check) {
        Slots current = slots;
        long[] keys = current.keys;
        Object[] values = current.values;
        int i = current.home(key);
        while (true) {
            Object value = VALUES.getAcquire(values, i);
            if (value == null) {
                return null;
            }
            if (value != REMOVED && keys[i] == key && check.matches((V) value, argument)) {
                return (V) value;
            }
            i = current.next(i);
        }
    }

    /** Adds a value under a key; the caller never adds the same pair twice. */
    synchronized void add(long key, V value) {
        Slots current = slots;
        if (current.used + 1 > current.capacity() * MAX_USED) {
            current = rebuilt(current);
        }
        int i = current.home(key);
        while (current.values[i] != null && current.values[i] != REMOVED) {
            i = current.next(i);
        }
        if (current.values[i] == null) {
            current.used++;
        }
        current.keys[i] = key;
        VALUES.setRelease(current.values, i, value);
        size++;
    }

    /** @return whether the pair was in the table */
    synchronized boolean remove(long key, V value) {
        Slots current = slots;
        int i = current.home(key);
        while (current.values[i] != null) {
            if (current.values[i] == value && current.keys[i] == key) {
                VALUES.setRelease(current.values, i, REMOVED);
                size--;
                return true;
            }
            i = current.next(i);
        }
        return false;
    }

    /** Hands every value to the action; one added or removed meanwhile may be seen or not. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super V> action) {
        Object[] values = slots.values;
        for (int i = 0; i < values.length; i++) {
            Object value = VALUES.getAcquire(values, i);
            if (value != null && value != REMOVED) {
                action.accept((V) value);
            }
        }
    }

    int size() {
        return size;
    }

    /**
     * New arrays without the removed markers: half a size larger when live entries fill half the
     * table or more, so a growing table averages about 60% full, else of the same size.
     */
    private Slots rebuilt(Slots old) {
        int live = size;
        long capacity = old.capacity();
        if (live + 1 >= capacity / 2) {
            capacity = Math.max(MIN_CAPACITY, capacity + capacity / 2);
        }
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The token index cannot grow beyond " + old.capacity() + " slots");
        }
        Slots fresh = new Slots((int) capacity);
        for (int j = 0; j < old.values.length; j++) {
            Object value = old.values[j];
            if (value != null && value != REMOVED) {
                int i = fresh.home(old.keys[j]);
                while (fresh.values[i] != null) {
                    i = fresh.next(i);
                }
                fresh.keys[i] = old.keys[j];
                fresh.values[i] = value;
                fresh.used++;
            }
        }
        slots = fresh;
        return fresh;
    }

    /** One generation of the arrays. {@code used} counts live and removed slots; writers only. */
    private static final class Slots {

        final long[] keys;
        final Object[] values;
        int used;

        Slots(int capacity) {
            keys = new long[capacity];
            values = new Object[capacity];
        }

        int capacity() {
            return keys.length;
        }

        /** Maps the key onto [0, capacity) by its high bits: any capacity works, not only powers of 2. */
        int home(long key) {
            return (int) (((key * MIX) >>> 32) * keys.length >>> 32);
        }

        int next(int i) {
            return i + 1 == keys.length ? 0 : i + 1;
        }
    }
}
