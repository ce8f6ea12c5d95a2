package dev.wasmlayout.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {

    @Property(tries = 300)
    void gapTreeAnswersLikeANaiveScan(@ForAll long seed) {
        Random random = new Random(seed);
        GapTree tree = new GapTree();
        TreeMap<Long, Long> model = new TreeMap<>();
        long cursor = 0;
        for (int i = 0; i < 200; i++) {
            if (!model.isEmpty() && random.nextInt(3) == 0) {
                Long start = model.keySet().stream().skip(random.nextInt(model.size())).findFirst().orElseThrow();
                model.remove(start);
                tree.remove(start);
            } else {
                cursor += random.nextInt(50);
                long end = cursor + 1 + random.nextInt(100);
                model.put(cursor, end);
                tree.add(cursor, end);
                cursor = end;
            }
            long from = random.nextInt((int) cursor + 1);
            long size = random.nextInt(120);
            GapTree.Gap found = tree.first(from, size);
            Map.Entry<Long, Long> expected = model.tailMap(from, true).entrySet().stream()
                    .filter(e -> e.getValue() - e.getKey() >= size).findFirst().orElse(null);
            assertThat(found == null ? null : found.start).isEqualTo(expected == null ? null : expected.getKey());
            GapTree.Gap floor = tree.floor(from);
            Map.Entry<Long, Long> expectedFloor = model.floorEntry(from);
            assertThat(floor == null ? null : floor.start).isEqualTo(expectedFloor == null ? null : expectedFloor.getKey());
        }
    }

    @Property(tries = 300)
    void firstFitIsFreeAlignedAndLowestWhenFewGapsMiss(@ForAll long seed) {
        Random random = new Random(seed);
        AddressSpace space = new AddressSpace();
        TreeMap<Long, Long> taken = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            long start = random.nextInt(1 << 16);
            long end = start + 1 + random.nextInt(4000);
            if (space.isFree(start, end)) {
                space.take(start, end, "r" + i);
                taken.put(start, end);
            }
        }
        long size = random.nextInt(3000);
        long align = 1L << random.nextInt(12);
        long anchor = random.nextInt(4) * 16L;

        long start = space.firstFit(size, align, anchor);

        assertThat((start + anchor) % align).isZero();
        assertThat(space.isFree(start, start + size)).isTrue();
        for (long lower = start - 1; lower >= 0 && lower > start - 70_000; lower--) {
            if ((lower + anchor) % align == 0) {
                assertThat(free(taken, lower, lower + size)).as("a lower start %d fits", lower).isFalse();
            }
        }
    }

    /** Free as the planner means it: no byte taken, and an empty range not strictly inside a taken one. */
    private static boolean free(TreeMap<Long, Long> taken, long start, long end) {
        for (Map.Entry<Long, Long> range : taken.entrySet()) {
            if (range.getKey() < Math.max(end, start + 1) && start < range.getValue() && !(end == start && start == range.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void namesWhoIsInTheWay() {
        AddressSpace space = new AddressSpace();
        space.take(100, 200, "a");
        space.take(300, 400, "b");
        assertThat(space.occupantOf(150, 160)).isEqualTo("a");
        assertThat(space.occupantOf(50, 120)).isEqualTo("a");
        assertThat(space.occupantOf(200, 300)).isNull();
        assertThat(space.occupantOf(250, 301)).isEqualTo("b");
        assertThat(space.isFree(200, 300)).isTrue();
        assertThat(space.isFree(199, 300)).isFalse();
        assertThat(space.isFree(400, 1 << 30)).isTrue();
        assertThat(space.isFree(150, 150)).as("an empty range strictly inside a region").isFalse();
        assertThat(space.isFree(100, 100)).as("an empty range at a region's start").isTrue();
        assertThat(space.isFree(200, 200)).as("an empty range at a region's end").isTrue();
    }

    @Test
    void anEmptyRegionIsABoundaryNothingStraddles() {
        AddressSpace space = new AddressSpace();
        space.take(0, 100, "a");
        space.take(150, 150, "empty"); // in the gap [100, tail)
        assertThat(space.firstFit(40, 1, 0)).isEqualTo(100);
        assertThat(space.firstFit(60, 1, 0)).isEqualTo(150);
    }
}
