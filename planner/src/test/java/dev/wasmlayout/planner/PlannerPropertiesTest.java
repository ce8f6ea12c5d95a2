package dev.wasmlayout.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.LayoutVerifier;
import dev.wasmlayout.layout.Lock;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.source.Sizes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PlannerPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.any();
    }

    @Property(tries = 300)
    void noOverlapEveryAlignmentHoldsAndItFits(@ForAll("scenarios") Scenario scenario) {
        Layout layout = scenario.plan().layout();

        assertThat(LayoutVerifier.problems(layout)).isEmpty();
        assertThat(layout.initialPages()).isLessThanOrEqualTo(layout.maxPages());
        long highest = layout.regions().stream().mapToLong(Region::end).max().orElse(0);
        assertThat(layout.initialPages()).isEqualTo((highest + 65535) / 65536);
    }

    @Property(tries = 300)
    void everyRegionHasTheSizeAndPlaceAskedFor(@ForAll("scenarios") Scenario scenario) {
        Map<String, Region> regions = byName(scenario.plan().layout());
        for (ReserveSpec reserve : scenario.manifest().reserve()) {
            checkPlaced(regions.get(reserve.name()), reserve.size(), reserve.align(), reserve.at());
        }
        for (SharedSpec shared : scenario.manifest().shared()) {
            checkPlaced(regions.get(shared.name()), shared.size(), shared.align(), shared.at());
        }
        for (int i = 0; i < scenario.needs().size(); i++) {
            ModuleNeeds need = scenario.needs().get(i);
            ModuleSpec spec = scenario.manifest().modules().get(i);
            Region data = regions.get(need.module() + ".data");
            checkPlaced(data, need.dataSize(), Math.max(16, need.dataAlign()), OptionalLong.empty());
            long stack = (spec.stack().orElse(need.linkedStackSize()) + 15) / 16 * 16;
            long heap = (spec.heap().orElse(PlanDefaults.HEAP) + 15) / 16 * 16;
            // a fresh plan keeps each module's regions adjacent: stack, then data, then heap
            if (stack > 0) {
                checkPlaced(regions.get(need.module() + ".stack"), stack, 16, OptionalLong.empty());
                assertThat(regions.get(need.module() + ".stack").end()).isEqualTo(data.start());
            }
            if (heap > 0) {
                checkPlaced(regions.get(need.module() + ".heap"), heap, 16, OptionalLong.empty());
                assertThat(regions.get(need.module() + ".heap").start()).isEqualTo(Sizes.alignUp(data.end(), 16));
            }
        }
    }

    private static void checkPlaced(Region region, long size, long align, OptionalLong at) {
        assertThat(region).isNotNull();
        assertThat(region.size()).as(region.name()).isEqualTo(size);
        assertThat(region.align()).as(region.name()).isEqualTo(align);
        assertThat(region.start() % align).as(region.name()).isZero();
        at.ifPresent(address -> assertThat(region.start()).as(region.name()).isEqualTo(address));
    }

    @Property(tries = 200)
    void sameInputsSamePlanWhateverTheOrderOfNeeds(@ForAll("scenarios") Scenario scenario, @ForAll long seed) {
        Plan first = scenario.plan();
        List<ModuleNeeds> shuffled = new ArrayList<>(scenario.needs());
        Collections.shuffle(shuffled, new Random(seed));

        Plan second = Planner.plan(scenario.manifest(), shuffled);

        assertThat(second).isEqualTo(first);
        assertThat(LayoutJson.write(second.layout())).isEqualTo(LayoutJson.write(first.layout()));
    }

    @Property(tries = 200)
    void planningAgainstItsOwnLockChangesNothing(@ForAll("scenarios") Scenario scenario) {
        Plan first = scenario.plan();
        Plan again = Planner.plan(scenario.manifest(), scenario.needs(), Lock.of(first.layout()), true);
        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 300)
    void growingOneHeapMovesNothingElse(@ForAll("scenarios") Scenario scenario,
                                        @ForAll @IntRange(min = 0, max = 19) int pick,
                                        @ForAll @IntRange(min = 1, max = 300_000) int growth) {
        int index = pick % scenario.needs().size();
        Layout before = scenario.plan().layout();
        String heap = scenario.needs().get(index).module() + ".heap";
        long oldHeap = before.region(heap).map(Region::size).orElse(0L);

        Plan after = Planner.plan(scenario.withHeap(index, oldHeap + growth).manifest(), scenario.needs(),
                Lock.of(before), false);

        assertThat(LayoutVerifier.problems(after.layout())).isEmpty();
        for (Region old : before.regions()) {
            if (!old.name().equals(heap)) {
                assertThat(after.layout().region(old.name()).orElseThrow().start()).as(old.name()).isEqualTo(old.start());
            }
        }
        assertThat(after.moves()).allSatisfy(move -> assertThat(move.region()).isEqualTo(heap));
    }

    @Property(tries = 200)
    void anyLockStillGivesASoundPlan(@ForAll("scenarios") Scenario scenario, @ForAll long seed) {
        Random random = new Random(seed);
        List<Region> scrambled = scenario.plan().layout().regions().stream()
                .map(r -> new Region(r.name(), r.kind(), r.owner(), random.nextInt(1 << 20),
                        random.nextInt(1 << 20) + (1L << 20), 1))
                .collect(Collectors.toList());

        Plan plan = Planner.plan(scenario.manifest(), scenario.needs(), new Lock(scrambled), false);

        assertThat(LayoutVerifier.problems(plan.layout())).isEmpty();
        Map<String, Region> placed = byName(plan.layout());
        for (Move move : plan.moves()) {
            assertThat(placed.get(move.region()).start()).isEqualTo(move.newStart()).isNotEqualTo(move.oldStart());
        }
    }

    @Property(tries = 200)
    void fitsExactlyWhenTheBudgetHoldsTheUnboundedPlan(@ForAll("scenarios") Scenario scenario,
                                                       @ForAll @IntRange(min = 1, max = 64) int pages) {
        Layout unbounded = scenario.plan().layout();
        long used = unbounded.footprint().usedBytes();
        long max = pages * 65536L;

        if (used <= max) {
            Layout bounded = scenario.withMax(max).plan().layout();
            assertThat(bounded.regions()).isEqualTo(unbounded.regions());
            assertThat(bounded.maxPages()).isEqualTo(pages);
        } else {
            PlanningException e = catchThrowableOfType(PlanningException.class, () -> scenario.withMax(max).plan());
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("overflowed by " + (used - max) + " byte").doesNotContain("\n");
        }
    }

    private static Map<String, Region> byName(Layout layout) {
        return layout.regions().stream().collect(Collectors.toMap(Region::name, r -> r));
    }
}
