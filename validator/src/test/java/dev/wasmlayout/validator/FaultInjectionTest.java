package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** faulty.wasm writes where it must not; each write is caught with the region it hit, in both engines. */
class FaultInjectionTest {
    private static final TestLayout L = Fixture.LAYOUT;

    @TempDir
    Path dir;

    private RunReport run(Engine engine, RunStep step) {
        return new Validator(Fixture.set(dir), Fixture.options(engine)).run(List.of(step));
    }

    private static Violation only(RunReport r) {
        assertThat(r.violations()).hasSize(1);
        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.steps()).singleElement().satisfies(s -> assertThat(s.failure()).startsWith("stopped at the first violation"));
        return r.violations().get(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storeIntoNeighboursData(Engine engine) {
        long target = L.start("alpha.data") + 16;
        Violation v = only(run(engine, RunStep.call("faulty", "poke", target, 42)));
        assertThat(v).isEqualTo(new Violation("faulty", "poke", target, 4, "alpha.data", "alpha", Violation.OUTSIDE, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepRecursionTrapsAtTheStartOfItsStack(Engine engine) {
        RunReport r = run(engine, RunStep.call("faulty", "recurse", 100_000));
        assertThat(r.violations()).isEmpty(); // the check traps before the frame below the stack is written
        assertThat(r.exitStatus()).isEqualTo(1);
        String failure = r.steps().get(0).failure();
        String start = Long.toHexString(L.start("faulty.stack"));
        assertThat(failure).matches("stack overflow: faulty in recurse: stack pointer 0x[0-9a-f]+ below faulty.stack"
                + " \\(starts 0x" + start + "\\)");
        long sp = Long.parseLong(failure.replaceAll(".*stack pointer 0x([0-9a-f]+) .*", "$1"), 16);
        assertThat(sp).isBetween(L.start("faulty.stack") - 4096, L.start("faulty.stack") - 1);
    }

    /** beta, then faulty linked with stack-check: false right above beta's heap, then mathlib (beta imports it). */
    private static final TestLayout UNCHECKED = new TestLayout()
            .guard("null-guard", 0x1000)
            .module("beta", "beta.wasm", 16384, true, false)
            .stackCheck(false)
            .module("faulty", "faulty.wasm", 8192, false, true)
            .module("mathlib", "mathlib.wasm", 4096, false, false);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutTheCheckDeepRecursionRunsIntoTheNeighbourBelowTheStack(Engine engine) {
        RunSet set = UNCHECKED.runSet(List.of(RunModule.of("beta", UNCHECKED.linked("beta")),
                RunModule.of("faulty", UNCHECKED.linked("faulty")), RunModule.of("mathlib", UNCHECKED.linked("mathlib"))));
        Violation v = only(new Validator(set, Fixture.options(engine)).run(List.of(RunStep.call("faulty", "recurse", 100_000))));
        assertThat(v.module()).isEqualTo("faulty");
        assertThat(v.function()).isEqualTo("recurse");
        assertThat(v.kind()).isEqualTo(Violation.STACK_OVERFLOW);
        assertThat(v.region()).isEqualTo("beta.heap");
        assertThat(v.regionOwner()).isEqualTo("beta");
        assertThat(v.address()).isBetween(UNCHECKED.start("faulty.stack") - 4096, UNCHECKED.start("faulty.stack") - 1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void writeNearAddressZero(Engine engine) {
        Violation v = only(run(engine, RunStep.call("faulty", "poke", 8, 1)));
        assertThat(v).isEqualTo(new Violation("faulty", "poke", 8, 4, "null-guard", null, Violation.NULL_POINTER, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryFillIntoNeighboursData(Engine engine) {
        long target = L.start("beta.data");
        Violation v = only(run(engine, RunStep.call("faulty", "fill", target, 64)));
        assertThat(v).isEqualTo(new Violation("faulty", "fill", target, 64, "beta.data", "beta", Violation.OUTSIDE, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryCopyFromOwnDataIntoNeighboursHeap(Engine engine) {
        long target = L.start("alpha.heap") + 100;
        Violation v = only(run(engine, RunStep.call("faulty", "copy", target, L.start("faulty.data"), 32)));
        assertThat(v).isEqualTo(new Violation("faulty", "copy", target, 32, "alpha.heap", "alpha", Violation.OUTSIDE, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fillThatSpillsOverItsOwnDataIsReportedFromTheFirstForeignByte(Engine engine) {
        long dataEnd = L.start("faulty.data") + L.regions().stream().filter(r -> r.name().equals("faulty.data"))
                .findFirst().orElseThrow().end() - L.start("faulty.data");
        Violation v = only(run(engine, RunStep.call("faulty", "fill", dataEnd - 8, 24)));
        assertThat(v.address()).isEqualTo(dataEnd);
        assertThat(v.size()).isEqualTo(16);
        assertThat(v.region()).isEqualTo("mathlib.data");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wasiReadIntoNeighboursBufferIsTheCallersViolation(Engine engine) {
        long target = L.start("alpha.data") + 32;
        Violation v = only(run(engine, RunStep.call("faulty", "read_into", target, 16)));
        // the function that called the WASI import: wasi-libc's wrapper, which read_into reached through read()
        assertThat(v).isEqualTo(new Violation("faulty", "__wasi_fd_read", target, 16, "alpha.data", "alpha",
                Violation.OUTSIDE, "fd_read"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sharedRegionIsWritableOnlyByItsWriters(Engine engine) {
        long ring = L.start("ring");
        Violation v = only(run(engine, RunStep.call("faulty", "poke", ring, 1)));
        assertThat(v.region()).isEqualTo("ring");
        assertThat(v.regionOwner()).isNull();
        assertThat(v.kind()).isEqualTo(Violation.OUTSIDE);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void collectAllRecordsEveryViolationAndLetsTheWritesHappen(Engine engine) throws Exception {
        long a = L.start("alpha.data") + 16;
        long b = L.start("beta.data") + 16;
        Path dump = dir.resolve("dump.bin");
        RunReport r = new Validator(Fixture.set(dir), Fixture.options(engine).withCollectAll(true)).run(List.of(
                RunStep.call("faulty", "poke", a, 0x11223344),
                RunStep.call("faulty", "poke", b, 7),
                RunStep.call("faulty", "fill", a + 8, 4),
                new DumpStep(a, 12, dump)));
        assertThat(r.violations()).extracting(Violation::address).containsExactly(a, b, a + 8);
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.failure()).isNull());
        assertThat(r.exitStatus()).isEqualTo(1);
        byte[] bytes = java.nio.file.Files.readAllBytes(dump);
        assertThat(java.util.Arrays.copyOfRange(bytes, 0, 4)).containsExactly(0x44, 0x33, 0x22, 0x11);
        assertThat(java.util.Arrays.copyOfRange(bytes, 8, 12)).containsExactly(0xab, 0xab, 0xab, 0xab);
    }
}
