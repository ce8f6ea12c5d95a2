package dev.wasmlayout.planner;

import static dev.wasmlayout.planner.Manifests.needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Lock;
import dev.wasmlayout.layout.LockFile;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-planning against a previous lock: what stays, what moves and why. */
class LockTest {

    @TempDir
    Path dir;

    private static final String TWO_MODULES = """
            memory: { max: 1MiB }
            modules:
              - { name: a, wasm: a.wasm, stack: 4KiB, heap: %s }
              - { name: b, wasm: b.wasm, stack: 4KiB, heap: %s }
            """;

    private final List<ModuleNeeds> needs = List.of(needs("a", 0x100, 16), needs("b", 0x100, 16));
    private Lock lock;

    /** a: stack 0x400, data 0x1400, heap [0x1500, 0x11500); b: stack 0x11500, data 0x12500, heap [0x12600, 0x22600). */
    @BeforeEach
    void planOnce() {
        Layout first = Planner.plan(manifest("64KiB", "64KiB"), needs).layout();
        assertThat(start(first, "a.heap")).isEqualTo(0x1500);
        assertThat(start(first, "b.stack")).isEqualTo(0x11500);
        assertThat(start(first, "b.heap")).isEqualTo(0x12600);
        // through the file format, as the CLI will do it
        lock = LockFile.parse(LockFile.write(first), Path.of(LockFile.FILE_NAME));
    }

    private Manifest manifest(String heapA, String heapB) {
        return Manifests.read(dir, TWO_MODULES.formatted(heapA, heapB));
    }

    private static long start(Layout layout, String region) {
        return layout.region(region).orElseThrow().start();
    }

    @Test
    void planningAgainWithTheSameInputsChangesNothing() {
        Plan again = Planner.plan(manifest("64KiB", "64KiB"), needs, lock, true);
        assertThat(again.moves()).isEmpty();
        assertThat(again.layout().regions()).isEqualTo(lock.regions());
    }

    @Test
    void aGrowingHeapWithRoomAfterItStaysPut() {
        Plan plan = Planner.plan(manifest("64KiB", "128KiB"), needs, lock, true);
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.layout().region("b.heap").orElseThrow()).isEqualTo(
                new Region("b.heap", dev.wasmlayout.layout.RegionKind.HEAP, "b", 0x12600, 0x32600, 16));
    }

    @Test
    void aGrowingHeapWithANeighbourMovesAloneAndSaysWhy() {
        Plan plan = Planner.plan(manifest("128KiB", "64KiB"), needs, lock, false);

        assertThat(plan.moves()).containsExactly(new Move("a.heap", 0x1500, 0x22600,
                "it grew from 64KiB to 128KiB and 'b.stack' is in the way"));
        for (Region old : lock.regions()) {
            if (!old.name().equals("a.heap")) {
                assertThat(start(plan.layout(), old.name())).as(old.name()).isEqualTo(old.start());
            }
        }
    }

    @Test
    void lockedTurnsAMoveIntoAnError() {
        Manifest grown = manifest("128KiB", "64KiB");
        assertThatThrownBy(() -> Planner.plan(grown, needs, lock, true))
                .isInstanceOf(PlanningException.class)
                .hasMessage(grown.file() + ": locked: a.heap would move from 0x1500 to 0x22600 (it grew from 64KiB to 128KiB and"
                        + " 'b.stack' is in the way); plan without locking to accept the move");
    }

    @Test
    void aShrinkingRegionKeepsItsStart() {
        Plan plan = Planner.plan(manifest("16KiB", "64KiB"), needs, lock, true);
        assertThat(plan.layout().region("a.heap").orElseThrow().start()).isEqualTo(0x1500);
        assertThat(plan.layout().region("a.heap").orElseThrow().end()).isEqualTo(0x5500);
        assertThat(start(plan.layout(), "b.stack")).isEqualTo(0x11500);
    }

    @Test
    void aNewModuleFillsTheSpaceARemovedOneLeft() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: b, wasm: b.wasm, stack: 4KiB, heap: 64KiB }
                  - { name: c, wasm: c.wasm, stack: 4KiB, heap: 0 }
                """);

        Plan plan = Planner.plan(manifest, List.of(needs("b", 0x100, 16), needs("c", 0x100, 16)), lock, true);

        assertThat(plan.moves()).isEmpty();
        assertThat(start(plan.layout(), "b.stack")).isEqualTo(0x11500);
        assertThat(start(plan.layout(), "c.stack")).isEqualTo(0x400);
        assertThat(start(plan.layout(), "c.data")).isEqualTo(0x1400);
    }

    @Test
    void aRegionTheManifestNowFixesElsewhereMoves() {
        Manifest before = Manifests.read(dir, """
                memory: { max: 1MiB }
                reserve: [ { name: io, size: 4KiB } ]
                modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]
                """);
        Lock previous = Lock.of(Planner.plan(before, List.of(needs("a", 16, 16))).layout());
        Manifest after = Manifests.read(dir, """
                memory: { max: 1MiB }
                reserve: [ { name: io, at: 0x80000, size: 4KiB } ]
                modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]
                """);

        Plan plan = Planner.plan(after, List.of(needs("a", 16, 16)), previous, false);

        assertThat(plan.moves()).containsExactly(new Move("io", 0x400, 0x80000, "the manifest fixes it at 0x80000"));
        assertThat(start(plan.layout(), "a.data")).isEqualTo(previous.byName().get("a.data").start());
    }

    @Test
    void aStartThatNoLongerMeetsItsAlignmentMoves() {
        Plan plan = Planner.plan(manifest("64KiB", "64KiB"), List.of(needs("a", 0x100, 16), needs("b", 0x100, 4096)),
                lock, false);

        assertThat(plan.moves()).containsExactly(new Move("b.data", 0x12500, 0x23000,
                "its alignment of 4096 does not hold at 0x12500"));
    }

    @Test
    void aRegionPastASmallerBudgetMovesDownIfThereIsRoom() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 128KiB }
                modules:
                  - { name: b, wasm: b.wasm, stack: 4KiB, heap: 64KiB }
                """);

        Plan plan = Planner.plan(manifest, List.of(needs("b", 0x100, 16)), lock, false);

        assertThat(plan.moves()).containsExactly(new Move("b.heap", 0x12600, 0x400,
                "it would end past memory.max (128KiB)"));
        assertThat(plan.layout().initialPages()).isEqualTo(2);
    }
}
