package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.LayoutVerifier;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module whose malloc finds the heap end through memory.size gets a heap ending on a page boundary. */
class HeapPageEndTest {
    @TempDir
    Path dir;

    @Test
    void heapEndsOnAPageAndTheMarkerIsNoRegion() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: a, wasm: a.wasm, stack: 8KiB, heap: 64KiB }
                  - { name: b, wasm: b.wasm, stack: 8KiB, heap: 16KiB }
                """);
        Plan plan = Planner.plan(manifest, List.of(
                new ModuleNeeds("a", 6000, 16, 65536, 131072, Strategy.RELOCATE, true),
                new ModuleNeeds("b", 100, 16, 65536, 65536, Strategy.RELOCATE, false)));

        Region heap = plan.layout().regions().stream().filter(r -> r.name().equals("a.heap")).findFirst().orElseThrow();
        assertThat(heap.end() % 65536).isZero();
        assertThat(heap.end() - heap.start()).isEqualTo(65536);
        assertThat(plan.layout().regions()).extracting(Region::name).doesNotContain("a" + Part.PAGE_END_SUFFIX);
        assertThat(plan.layout().regions()).filteredOn(r -> r.kind() == RegionKind.HEAP).hasSize(2);
        assertThat(LayoutVerifier.problems(plan.layout())).isEmpty();
        // a.s heap is placed on its own, ending on a page; stacks and data fill the space around it
        assertThat(heap.end()).isEqualTo(0x20000);
        Region bData = plan.layout().regions().stream().filter(r -> r.name().equals("b.data")).findFirst().orElseThrow();
        assertThat(bData.end()).isLessThanOrEqualTo(0x20000 - 65536 - 6000 - 8192);
    }
}
