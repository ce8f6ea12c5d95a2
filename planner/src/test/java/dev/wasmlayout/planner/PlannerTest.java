package dev.wasmlayout.planner;

import static dev.wasmlayout.planner.Manifests.needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutVerifier;
import dev.wasmlayout.layout.ModuleAssignment;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact addresses for small manifests. */
class PlannerTest {

    @TempDir
    Path dir;

    @Test
    void oneModuleSitsAboveTheNullGuardStackFirst() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules: [ { name: a, wasm: a.wasm, stack: 16KiB, heap: 64KiB } ]
                """);

        Plan plan = Planner.plan(manifest, List.of(needs("a", 1000, 4)));

        Layout layout = plan.layout();
        assertThat(layout.regions()).containsExactly(
                new Region("null-guard", RegionKind.GUARD, null, 0, 0x400, 1),
                new Region("a.stack", RegionKind.STACK, "a", 0x400, 0x4400, 16),
                new Region("a.data", RegionKind.DATA, "a", 0x4400, 0x47e8, 16),
                new Region("a.heap", RegionKind.HEAP, "a", 0x47f0, 0x147f0, 16));
        assertThat(layout.memoryImport()).isEqualTo("env.memory");
        assertThat(layout.pageSize()).isEqualTo(65536);
        assertThat(layout.initialPages()).isEqualTo(2);
        assertThat(layout.maxPages()).isEqualTo(16);
        assertThat(layout.modules()).containsExactly(new ModuleAssignment("a", "a.wasm", Strategy.RELOCATE));
        assertThat(layout.footprint()).isEqualTo(new Footprint(0x147f0, 2, 2));
        assertThat(plan.moves()).isEmpty();
    }

    @Test
    void packsLargestFirstAroundFixedRegions() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 256KiB }
                reserve:
                  - { name: host-io, size: 4KiB, align: 4KiB }
                  - { name: mmio, at: 0x30000, size: 0x100 }
                shared:
                  - { name: ring, size: 1KiB, align: 64, writers: [a], readers: [b] }
                modules:
                  - { name: a, wasm: a.wasm, stack: 1KiB, heap: 0 }
                  - { name: b, wasm: b.wasm, stack: 2KiB, heap: 4KiB, strategy: pic }
                """);

        // the caller (linker's LoadedModule) has already chosen the manifest's pic for b
        Layout layout = Planner.plan(manifest, List.of(needs("a", 100, 8),
                new ModuleNeeds("b", 0x300, 64, 65536, 2 * 65536, Strategy.PIC))).layout();

        assertThat(layout.regions()).containsExactly(
                new Region("null-guard", RegionKind.GUARD, null, 0, 0x400, 1),
                new Region("b.stack", RegionKind.STACK, "b", 0x400, 0xc00, 16),
                new Region("b.data", RegionKind.DATA, "b", 0xc00, 0xf00, 64),
                new Region("b.heap", RegionKind.HEAP, "b", 0xf00, 0x1f00, 16),
                new Region("host-io", RegionKind.RESERVED, null, 0x2000, 0x3000, 4096),
                new Region("a.stack", RegionKind.STACK, "a", 0x3000, 0x3400, 16),
                new Region("a.data", RegionKind.DATA, "a", 0x3400, 0x3464, 16),
                new Region("ring", RegionKind.SHARED, null, 0x3480, 0x3880, 64),
                new Region("mmio", RegionKind.RESERVED, null, 0x30000, 0x30100, 16));
        assertThat(layout.initialPages()).isEqualTo(4);
        assertThat(layout.maxPages()).isEqualTo(4);
        assertThat(layout.modules()).extracting(ModuleAssignment::strategy).containsExactly(Strategy.RELOCATE, Strategy.PIC);
        assertThat(LayoutVerifier.problems(layout)).isEmpty();
    }

    @Test
    void smallBlocksFillTheGapsAlignmentLeaves() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB, null-guard: 16 }
                shared:
                  - { name: page, size: 4KiB, align: 4KiB }
                  - { name: tiny, size: 32 }
                modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]
                """);

        Layout layout = Planner.plan(manifest, List.of(needs("a", 0x2000, 16))).layout();

        // a.data (8KiB) goes first at 16; page aligns up to 0x3000, leaving [0x2010, 0x3000) for tiny.
        assertThat(layout.regions()).extracting(Region::name, Region::start, Region::end).containsExactly(
                tuple("null-guard", 0L, 0x10L),
                tuple("a.data", 0x10L, 0x2010L),
                tuple("tiny", 0x2010L, 0x2030L),
                tuple("page", 0x3000L, 0x4000L));
    }

    @Test
    void theStackDefaultsToTheLinkedOneTheHeapToThePlanners() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB, null-guard: false }
                modules:
                  - { name: a, wasm: a.wasm }
                  - { name: b, wasm: b.wasm }
                """);

        Layout layout = Planner.plan(manifest, List.of(
                new ModuleNeeds("a", 10, 0, 1000, 65536, Strategy.PLACED),
                new ModuleNeeds("b", 10, 0, 5000, 65536, Strategy.PIC))).layout();

        assertThat(layout.region("a.stack").orElseThrow().size()).isEqualTo(1008); // linked, rounded up to 16
        assertThat(layout.region("a.heap").orElseThrow().size()).isEqualTo(PlanDefaults.HEAP);
        assertThat(layout.region("b.stack").orElseThrow().size()).isEqualTo(5008);
        assertThat(layout.region("b.heap").orElseThrow().size()).isEqualTo(PlanDefaults.HEAP);
        assertThat(layout.region("null-guard")).isEmpty();
        assertThat(layout.regions().get(0).start()).isZero();
    }

    @Test
    void aModuleWithoutStackOrHeapStillHasItsDataRegion() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 64KiB }
                modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]
                """);

        Layout layout = Planner.plan(manifest, List.of(needs("a", 0, 0))).layout();

        assertThat(layout.regions()).containsExactly(
                new Region("null-guard", RegionKind.GUARD, null, 0, 0x400, 1),
                new Region("a.data", RegionKind.DATA, "a", 0x400, 0x400, 16));
        assertThat(layout.initialPages()).isEqualTo(1);
    }

    @Test
    void footprintComparesWithSeparateMemories() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: a, wasm: a.wasm, stack: 4KiB, heap: 8KiB }
                  - { name: b, wasm: b.wasm, stack: 4KiB, heap: 8KiB }
                  - { name: c, wasm: c.wasm, stack: 4KiB, heap: 8KiB }
                """);

        Footprint footprint = Planner.plan(manifest, List.of(
                new ModuleNeeds("a", 1000, 16, 65536, 131072, Strategy.RELOCATE),
                new ModuleNeeds("b", 1000, 16, 65536, 131073, Strategy.RELOCATE),
                new ModuleNeeds("c", 1000, 16, 65536, 1, Strategy.RELOCATE))).layout().footprint();

        assertThat(footprint.usedBytes()).isEqualTo(0x400 + 3 * (0x1000 + 1008 + 0x2000));
        assertThat(footprint.pages()).isEqualTo(1);
        // like with like, not the memories as linked (2, 3 and 1 pages): alone, each needs 1 KiB below its data,
        // its 4 KiB stack, 1000 bytes of data (1008 aligned) and its 8 KiB heap = 14320 bytes, one page
        assertThat(footprint.separatePages()).isEqualTo(1 + 1 + 1);
        assertThat(footprint.savedPages()).isEqualTo(2);
        assertThat(footprint.savedBytes()).isEqualTo(2 * 65536);
    }

    @Test
    void aModuleThatMallocsWithHeapZeroIsAWarningNamingIt() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: a, wasm: a.wasm, heap: 0 }
                  - { name: b, wasm: b.wasm, heap: 0 }
                  - { name: c, wasm: c.wasm }
                """);
        Plan plan = Planner.plan(manifest, List.of(
                new ModuleNeeds("a", 1000, 16, 4096, 65536, Strategy.RELOCATE, true),
                new ModuleNeeds("b", 1000, 16, 4096, 65536, Strategy.RELOCATE, false),
                new ModuleNeeds("c", 1000, 16, 4096, 65536, Strategy.RELOCATE, true)));
        assertThat(plan.warnings()).containsExactly(manifest.file() + ":3:5: module 'a' has heap: 0 but its code reaches"
                + " memory.grow/memory.size (malloc does): every allocation will fail; give it a heap or check that it"
                + " never allocates");
    }

    @Test
    void samePlanWhateverTheOrderOfNeeds() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: a, wasm: a.wasm, stack: 1KiB }
                  - { name: b, wasm: b.wasm, stack: 1KiB }
                """);
        List<ModuleNeeds> needs = List.of(needs("a", 64, 16), needs("b", 64, 16));

        Plan first = Planner.plan(manifest, needs);

        assertThat(Planner.plan(manifest, List.of(needs.get(1), needs.get(0)))).isEqualTo(first);
        // equal blocks keep declaration order
        assertThat(first.layout().region("a.stack").orElseThrow().start())
                .isLessThan(first.layout().region("b.stack").orElseThrow().start());
    }
}
