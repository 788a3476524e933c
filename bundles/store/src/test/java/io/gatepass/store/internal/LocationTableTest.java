package io.gatepass.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LocationTableTest {

    /** A digest in a test: the two halves of a table key. */
    private record Digest(long high, long low) {
    }

    private static void assertSameAs(LocationTable table, Map<Digest, Long> model) {
        assertThat(table.size()).isEqualTo(model.size());
        model.forEach((digest, location) ->
                assertThat(table.get(digest.high(), digest.low())).as("%s", digest)
                        .isEqualTo(location));
        long[] locations = table.locations();
        Arrays.sort(locations);
        assertThat(locations).containsExactly(
                model.values().stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Random puts, overwrites and removals, checked against a HashMap after every step. */
    private static void runAgainstModel(Random random, DigestSource digests, int steps) {
        LocationTable table = new LocationTable();
        Map<Digest, Long> model = new HashMap<>();
        for (int step = 0; step < steps; step++) {
            Digest digest = digests.next(random);
            long location = 1 + random.nextInt(1_000_000);
            if (random.nextInt(3) == 0) {
                assertThat(table.remove(digest.high(), digest.low()))
                        .isEqualTo(model.remove(digest) != null);
            } else {
                table.put(digest.high(), digest.low(), location);
                model.put(digest, location);
            }
            Digest probe = digests.next(random);
            assertThat(table.get(probe.high(), probe.low()))
                    .isEqualTo(model.getOrDefault(probe, LocationTable.NONE));
        }
        assertSameAs(table, model);
    }

    @FunctionalInterface
    private interface DigestSource {
        Digest next(Random random);
    }

    @Test
    void randomPutsAndRemovalsAnswerLikeAHashMap() {
        Random random = new Random(1);

        runAgainstModel(random, r -> new Digest(r.nextLong(), r.nextInt(3_000)), 20_000);
    }

    @Test
    void keysCrowdedIntoFewHomeSlotsSurviveRemovalsAcrossTheEndOfTheArray() {
        Random random = new Random(2);
        // Few distinct highs, among them the largest ones, so that long runs form, wrap around
        // the end of the arrays, and every removal shifts entries of other homes.
        long[] highs = {Long.MAX_VALUE, -1L, Long.MIN_VALUE, 0L, 42L, -42L};

        runAgainstModel(random, r -> new Digest(highs[r.nextInt(highs.length)], r.nextInt(60)),
                20_000);
    }

    @Test
    void theTableGrowsByHalfAndKeepsEveryKey() {
        LocationTable table = new LocationTable();
        Map<Digest, Long> model = new HashMap<>();
        Random random = new Random(3);
        int capacity = table.capacity();

        for (int i = 0; i < 100_000; i++) {
            Digest digest = new Digest(random.nextLong(), random.nextLong());
            table.put(digest.high(), digest.low(), i + 16);
            model.put(digest, (long) i + 16);
            if (table.capacity() != capacity) {
                assertThat(table.capacity()).isEqualTo(capacity * 3 / 2);
                assertThat(table.size()).isEqualTo((int) (capacity * 0.8) + 1);
                capacity = table.capacity();
            }
        }

        assertThat((double) table.size() / table.capacity()).isBetween(0.5, 0.8);
        assertSameAs(table, model);
    }

    @Test
    void removingEveryKeyLeavesAnEmptyTableThatStillWorks() {
        LocationTable table = new LocationTable();
        Random random = new Random(4);
        long[] highs = random.longs(5_000).toArray();
        for (int i = 0; i < highs.length; i++) {
            table.put(highs[i], i, i + 16);
        }

        for (int i = 0; i < highs.length; i++) {
            assertThat(table.remove(highs[i], i)).isTrue();
        }

        assertThat(table.size()).isZero();
        assertThat(table.locations()).isEmpty();
        assertThat(table.remove(highs[0], 0)).isFalse();
        table.put(highs[0], 0, 99);
        assertThat(table.get(highs[0], 0)).isEqualTo(99);
    }

    @Test
    void aTableSizedForItsKeysDoesNotGrowWhileTakingThem() {
        LocationTable table = new LocationTable(10_000);
        int capacity = table.capacity();
        Random random = new Random(5);

        for (int i = 0; i < 10_000; i++) {
            table.put(random.nextLong(), random.nextLong(), i + 16);
        }

        assertThat(table.capacity()).isEqualTo(capacity);
    }

    @Test
    void aTableThatEmptiesShrinksAndKeepsFindingWhatIsLeft() {
        LocationTable table = new LocationTable();
        Random random = new Random(6);
        long[][] keys = new long[100_000][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new long[] {random.nextLong(), random.nextLong()};
            table.put(keys[i][0], keys[i][1], i + 16);
        }
        int full = table.capacity();

        for (int i = 1_000; i < keys.length; i++) {
            assertThat(table.remove(keys[i][0], keys[i][1])).isTrue();
        }

        assertThat(table.capacity()).isLessThan(full / 10);
        assertThat((double) table.size() / table.capacity()).isBetween(0.25, 0.8);
        for (int i = 0; i < 1_000; i++) {
            assertThat(table.get(keys[i][0], keys[i][1])).isEqualTo(i + 16);
        }
    }

    @Test
    void everyHomeSlotIsInsideTheTable() {
        int[] capacities = {16, 24, 36, 1_000_003};
        long[] highs = {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE};

        for (int capacity : capacities) {
            for (long high : highs) {
                assertThat(LocationTable.home(high, capacity)).isBetween(0, capacity - 1);
            }
        }
        assertThat(LocationTable.home(-1L, 24)).isEqualTo(23);
        assertThat(LocationTable.home(0L, 24)).isZero();
    }

    @Test
    void aLocationOfZeroIsRefused() {
        LocationTable table = new LocationTable();

        assertThatThrownBy(() -> table.put(1, 2, LocationTable.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A record cannot be at byte 0 of a file");
    }
}
