package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Trap 6: Chicory keeps data segments per Memory object. Two modules with their own passive segment 0
 * each initialise their region with memory.init; with one shared Memory object both would get the
 * segments of whichever module was instantiated last.
 */
class DataSegmentTest {
    @TempDir
    Path dir;

    /** A module with passive segment 0 = {@code bytes} and export init(dest) = memory.init 0 + data.drop 0. */
    static byte[] initModule(byte[] bytes, int activeAt, byte[] active) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int t = b.type(new int[] {WasmBuilder.I32}, new int[0]);
        int f = b.function("init_region", t, 0, new WasmBuilder.Code()
                .local(0).i32(0).i32(bytes.length).op(0xfc, 8).u32(0).op(0) // memory.init 0 0
                .op(0xfc, 9).u32(0) // data.drop 0
                .bytes());
        b.export("init", f);
        b.passiveData(bytes);
        if (active != null) {
            b.activeData(activeAt, active);
        }
        return b.build();
    }

    private static RunSet set(byte[] a, byte[] b) {
        return new RunSet("env", "memory", 1, 1, List.of(RunModule.of("a", a), RunModule.of("b", b)), List.of(
                new OwnedRegion("a.data", RegionKind.DATA, "a", 0x1000, 0x2000, Set.of()),
                new OwnedRegion("b.data", RegionKind.DATA, "b", 0x2000, 0x3000, Set.of())));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryInitUsesTheSegmentsOfTheModuleThatRuns(Engine engine) throws Exception {
        byte[] a = initModule("AAAA".getBytes(), 0x1800, "a-active".getBytes());
        byte[] b = initModule("BBBBBBBB".getBytes(), 0x2800, "b-active".getBytes());
        Path da = dir.resolve("a.bin");
        Path db = dir.resolve("b.bin");
        RunReport r = new Validator(set(a, b), Fixture.options(engine)).run(List.of(
                RunStep.call("a", "init", 0x1000), RunStep.call("b", "init", 0x2000),
                new DumpStep(0x1000, 8, da), new DumpStep(0x2000, 8, db),
                new DumpStep(0x1800, 8, dir.resolve("a-active.bin")), new DumpStep(0x2800, 8, dir.resolve("b-active.bin"))));
        assertThat(r.violations()).isEmpty();
        assertThat(r.exitStatus()).isZero();
        assertThat(Files.readAllBytes(da)).isEqualTo(new byte[] {'A', 'A', 'A', 'A', 0, 0, 0, 0});
        assertThat(Files.readString(db)).isEqualTo("BBBBBBBB");
        assertThat(Files.readString(dir.resolve("a-active.bin"))).isEqualTo("a-active");
        assertThat(Files.readString(dir.resolve("b-active.bin"))).isEqualTo("b-active");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void droppedSegmentTrapsOnTheSecondInit(Engine engine) {
        byte[] a = initModule("AAAA".getBytes(), 0, null);
        byte[] b = initModule("BBBB".getBytes(), 0, null);
        RunReport r = new Validator(set(a, b), Fixture.options(engine)).run(List.of(
                RunStep.call("a", "init", 0x1000), RunStep.call("a", "init", 0x1000), RunStep.call("b", "init", 0x2000)));
        assertThat(r.steps()).extracting(s -> s.failure() == null).containsExactly(true, false, true);
        assertThat(r.steps().get(1).failure()).startsWith("trap:");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryInitIntoANeighbourIsAViolationOfTheCaller(Engine engine) {
        byte[] a = initModule("AAAA".getBytes(), 0, null);
        byte[] b = initModule("BBBB".getBytes(), 0, null);
        RunReport r = new Validator(set(a, b), Fixture.options(engine)).run(List.of(RunStep.call("a", "init", 0x1ffe)));
        assertThat(r.violations()).containsExactly(
                new Violation("a", "init_region", 0x2000, 2, "b.data", "b", Violation.OUTSIDE, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void activeSegmentOutsideTheModulesRegionsStopsItsInstantiation(Engine engine) {
        byte[] a = initModule("AAAA".getBytes(), 0x2100, "oops".getBytes());
        byte[] b = initModule("BBBB".getBytes(), 0, null);
        RunReport r = new Validator(set(a, b), Fixture.options(engine)).run(List.of(
                RunStep.call("a", "init", 0x1000), RunStep.call("b", "init", 0x2000)));
        assertThat(r.violations()).containsExactly(
                new Violation("a", "data segment 1", 0x2100, 4, "b.data", "b", Violation.OUTSIDE, null));
        assertThat(r.steps()).extracting(StepResult::module, StepResult::export).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "(instantiate)"), org.assertj.core.groups.Tuple.tuple("a", "init"),
                org.assertj.core.groups.Tuple.tuple("b", "init"));
        assertThat(r.steps().get(1).failure()).isEqualTo("module 'a' was not instantiated");
        assertThat(r.steps().get(2).failure()).isNull();
    }
}
