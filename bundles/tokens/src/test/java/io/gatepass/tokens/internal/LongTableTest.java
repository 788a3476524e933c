package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class LongTableTest {

    /** A value that knows its key, as a grant knows its id and token hashes. */
    private record Item(long key, int n) {
    }

    private static final LongTable.Check<Item, Integer> SAME_N = (item, n) -> item.n() == n;

    @Test
    void randomAddsAndRemovesMatchAMap() {
        LongTable<Item> table = new LongTable<>();
        Map<Integer, Item> model = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 100_000; step++) {
            int n = random.nextInt(20_000);
            Item present = model.get(n);
            if (present == null) {
                // Few distinct keys, so many items share one, as colliding hashes would.
                Item item = new Item(random.nextInt(5_000) * 0x9E3779B97F4A7C15L, n);
                table.add(item.key(), item);
                model.put(n, item);
            } else {
                assertThat(table.remove(present.key(), present)).isTrue();
                model.remove(n);
            }
            if (step % 25_000 == 0) {
                assertSameContents(table, model);
            }
        }
        assertSameContents(table, model);
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        LongTable<Item> table = new LongTable<>();
        Item one = new Item(7, 1);
        table.add(7, one);

        assertThat(table.remove(7, new Item(7, 1))).isFalse();
        assertThat(table.remove(8, one)).isFalse();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.find(7, 1, SAME_N)).isSameAs(one);
    }

    @Test
    void addAndRemoveForeverKeepsFindingTheStayingItems() {
        LongTable<Item> table = new LongTable<>();
        List<Item> staying = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            Item item = new Item(n * 31L, n);
            staying.add(item);
            table.add(item.key(), item);
        }
        // Churn leaves removed markers behind; rebuilds must drop them without losing anything.
        for (int n = 100; n < 200_000; n++) {
            Item passing = new Item(n * 31L, n);
            table.add(passing.key(), passing);
            assertThat(table.remove(passing.key(), passing)).isTrue();
        }
        assertThat(table.size()).isEqualTo(100);
        staying.forEach(item -> assertThat(table.find(item.key(), item.n(), SAME_N)).isSameAs(item));
    }

    @Test
    void aReaderNeverMissesAnItemWhileOthersComeAndGoAndTheTableGrows() throws Exception {
        LongTable<Item> table = new LongTable<>();
        Random random = new Random(7);
        List<Item> staying = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            Item item = new Item(random.nextLong(), n);
            staying.add(item);
            table.add(item.key(), item);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            List<Item> added = new ArrayList<>();
            Random churn = new Random(8);
            for (int round = 0; round < 10; round++) {
                for (int n = 0; n < 20_000; n++) {
                    Item item = new Item(churn.nextLong(), 1_000_000 + round * 20_000 + n);
                    table.add(item.key(), item);
                    added.add(item);
                }
                added.forEach(item -> table.remove(item.key(), item));
                added.clear();
            }
            writing.set(false);
        });
        long lookups = 0;
        long missed = 0;
        while (writing.get() || lookups == 0) {
            for (Item item : staying) {
                if (table.find(item.key(), item.n(), SAME_N) != item) {
                    missed++;
                }
                lookups++;
            }
        }
        writer.get();
        assertThat(missed).as("lookups of present items that missed, of %d", lookups).isZero();
        assertThat(table.size()).isEqualTo(staying.size());
    }

    private static void assertSameContents(LongTable<Item> table, Map<Integer, Item> model) {
        assertThat(table.size()).isEqualTo(model.size());
        model.values().forEach(item -> assertThat(table.find(item.key(), item.n(), SAME_N)).isSameAs(item));
        Set<Item> seen = new HashSet<>();
        table.forEach(seen::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(model.values());
        assertThat(table.find(123_456_789L, -1, SAME_N)).isNull();
    }
}
