package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import static dev.wasmlayout.planner.Manifests.needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.MemorySpec;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every planning error, with its exact one-line message. */
class PlanningErrorsTest {

    @TempDir
    Path dir;

    private String error(Manifest manifest, List<ModuleNeeds> needs) {
        PlanningException e = catchThrowableOfType(PlanningException.class, () -> Planner.plan(manifest, needs));
        assertThat(e).as("expected a PlanningException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").endsWith(e.detail());
        return e.getMessage();
    }

    private String file() {
        return dir.resolve("wasm-layout.yaml").toString();
    }

    @Test
    void fixedRegionsThatOverlapAreNamedBoth() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                reserve:
                  - { name: x, at: 0x1000, size: 0x1000 }
                  - { name: y, at: 0x1800, size: 0x100 }
                modules: [ { name: a, wasm: a.wasm } ]
                """);
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo(file() + ":4:5: reserve 'x' [0x1000, 0x2000) overlaps reserve 'y' [0x1800, 0x1900)");
    }

    @Test
    void aFixedRegionOverlappingTheNullGuard() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                shared: [ { name: low, at: 0x200, size: 16 } ]
                modules: [ { name: a, wasm: a.wasm } ]
                """);
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo(file() + ":2:11: the null guard [0x0, 0x400) overlaps shared 'low' [0x200, 0x210)");
    }

    @Test
    void overlapIsReportedAtTheLaterDeclarationEvenWhenItStartsLower() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                reserve:
                  - { name: x, at: 0x1800, size: 0x100 }
                  - { name: y, at: 0x1000, size: 0x1000 }
                modules: [ { name: a, wasm: a.wasm } ]
                """);
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo(file() + ":4:5: reserve 'y' [0x1000, 0x2000) overlaps reserve 'x' [0x1800, 0x1900)");
    }

    @Test
    void overBudgetSaysWhatDoesNotFitAndByHowMuch() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 64KiB }
                shared: [ { name: ring, size: 16KiB } ]
                modules: [ { name: a, wasm: a.wasm, stack: 16KiB, heap: 32KiB } ]
                """);
        assertThat(error(manifest, List.of(needs("a", 1000, 16))))
                .isEqualTo(file() + ":1:9: memory.max of 64KiB (1 page) is too small: ring [0xc7f0, 0x107f0) does not fit;"
                        + " overflowed by 2032 bytes (the plan needs 2 pages)");
    }

    @Test
    void overBudgetListsAtMostEightRegions() {
        StringBuilder yaml = new StringBuilder("memory: { max: 64KiB }\nshared:\n");
        for (int i = 0; i < 16; i++) {
            yaml.append("  - { name: s").append(i).append(", size: 8KiB }\n");
        }
        yaml.append("modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]\n");
        String message = error(Manifests.read(dir, yaml.toString()), List.of(needs("a", 0, 0)));
        assertThat(message).startsWith(file() + ":1:9: memory.max of 64KiB (1 page) is too small: s7 [0xe400, 0x10400), ")
                .endsWith(", s14 [0x1c400, 0x1e400) and 2 more do not fit; overflowed by 66560 bytes (the plan needs 3 pages)");
    }

    @Test
    void aFixedRegionPastTheBudget() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 64KiB }
                reserve: [ { name: mmio, at: 0x20000, size: 0x100 } ]
                modules: [ { name: a, wasm: a.wasm, stack: 0, heap: 0 } ]
                """);
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo(file() + ":1:9: memory.max of 64KiB (1 page) is too small: mmio [0x20000, 0x20100) does not fit;"
                        + " overflowed by 65792 bytes (the plan needs 3 pages)");
    }

    @Test
    void aFixedAddressOffItsAlignmentWhenTheManifestWasBuiltInCode() {
        Manifest manifest = new Manifest(Path.of("m.yaml"), new MemorySpec("env.memory", 65536, 0, null),
                List.of(new ReserveSpec("io", OptionalLong.of(0x1010), 16, 4096, List.of(), null)), List.of(),
                List.of(module("a")), List.of());
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo("m.yaml: reserve 'io' is fixed at 0x1010, which is not a multiple of its align 4KiB");
    }

    @Test
    void missingNeeds() {
        Manifest manifest = Manifests.read(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: a, wasm: a.wasm }
                  - { name: b, wasm: b.wasm }
                """);
        assertThat(error(manifest, List.of(needs("a", 16, 16))))
                .isEqualTo(file() + ":4:5: no inspection results (ModuleNeeds) for module 'b'");
    }

    @Test
    void needsForAModuleTheManifestDoesNotHave() {
        Manifest manifest = Manifests.read(dir, "memory: { max: 1MiB }\nmodules: [ { name: a, wasm: a.wasm } ]\n");
        assertThat(error(manifest, List.of(needs("a", 16, 16), needs("z", 16, 16))))
                .isEqualTo("inspection results (ModuleNeeds) for 'z', which is not a module in " + file());
    }

    @Test
    void needsTwice() {
        Manifest manifest = Manifests.read(dir, "memory: { max: 1MiB }\nmodules: [ { name: a, wasm: a.wasm } ]\n");
        assertThat(error(manifest, List.of(needs("a", 16, 16), needs("a", 32, 16))))
                .isEqualTo("two inspection results (ModuleNeeds) for module 'a'");
    }

    @Test
    void negativeNeeds() {
        Manifest manifest = Manifests.read(dir, "memory: { max: 1MiB }\nmodules: [ { name: a, wasm: a.wasm } ]\n");
        assertThat(error(manifest, List.of(new ModuleNeeds("a", -1, 16, 0, 0, Strategy.PIC))))
                .isEqualTo("module 'a': dataSize is negative (-1)");
    }

    @Test
    void dataAlignmentThatIsNotAPowerOfTwo() {
        Manifest manifest = Manifests.read(dir, "memory: { max: 1MiB }\nmodules: [ { name: a, wasm: a.wasm } ]\n");
        assertThat(error(manifest, List.of(needs("a", 16, 24))))
                .isEqualTo("module 'a': data alignment 24 is not a power of two");
    }

    @Test
    void noStrategyAnywhere() {
        Manifest manifest = Manifests.read(dir, "memory: { max: 1MiB }\nmodules: [ { name: a, wasm: a.wasm } ]\n");
        assertThat(error(manifest, List.of(new ModuleNeeds("a", 16, 16, 0, 0, null))))
                .isEqualTo(file() + ":2:12: module 'a': no strategy: inspection found none and the manifest sets none"
                        + " (relocate, pic or placed)");
    }

    private static ModuleSpec module(String name) {
        return new ModuleSpec(name, name + ".wasm", Path.of(name + ".wasm"), OptionalLong.empty(), OptionalLong.empty(),
                Map.of(), false, Optional.empty(), null);
    }

}
