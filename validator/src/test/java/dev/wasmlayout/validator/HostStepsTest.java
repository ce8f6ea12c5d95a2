package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host loads files into memory (checked like any writer) and dumps memory into files. */
class HostStepsTest {
    private static final TestLayout L = Fixture.LAYOUT;

    @TempDir
    Path dir;

    private RunReport run(Step... steps) {
        return new Validator(Fixture.set(dir), Fixture.options(Engine.INTERPRETER)).run(List.of(steps));
    }

    @Test
    void loadIntoHostRegionsAndDumpBack() throws Exception {
        Path in = Fixture.file(dir, "in.bin", "exchange");
        Path out = dir.resolve("out/dump.bin");
        RunReport r = run(new LoadStep(in, L.start("host-io"), 64), new LoadStep(in, L.start("ring") + 8, 64),
                new DumpStep(L.start("host-io"), 8, out));
        assertThat(r.violations()).isEmpty();
        assertThat(r.exitStatus()).isZero();
        assertThat(r.steps()).extracting(StepResult::export).containsExactly("load", "load", "dump");
        assertThat(Files.readString(out)).isEqualTo("exchange");
    }

    @Test
    void hostLoadIntoAModulesDataIsAViolation() {
        Path in = Fixture.file(dir, "in.bin", "xx");
        long target = L.start("alpha.data");
        RunReport r = run(new LoadStep(in, target, 64));
        assertThat(r.violations()).containsExactly(
                new Violation("host", "load in.bin", target, 2, "alpha.data", "alpha", Violation.OUTSIDE, null));
        assertThat(r.steps().get(0).failure()).startsWith("stopped at the first violation");
    }

    @Test
    void loadLargerThanAllowedFails() {
        Path in = Fixture.file(dir, "in.bin", "0123456789");
        RunReport r = run(new LoadStep(in, L.start("host-io"), 4));
        assertThat(r.steps().get(0).failure()).contains("has 10 bytes, more than the 4 allowed");
        assertThat(r.exitStatus()).isEqualTo(1);
    }

    @Test
    void dumpOutsideTheMemoryFails() {
        RunReport r = run(new DumpStep(TestLayout.PAGES * TestLayout.PAGE - 4, 8, dir.resolve("x")));
        assertThat(r.steps().get(0).failure()).contains("outside the memory");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
