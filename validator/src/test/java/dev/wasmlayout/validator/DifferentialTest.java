package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The original module alone and the linked one in the shared memory print the same and exit the same. */
class DifferentialTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void originalAndLinkedAlphaAgree(Engine engine) {
        Path in = Fixture.file(dir, "in.txt", "from a file\n");
        RunModule original = new RunModule("alpha", TestLayout.resource("alpha.wasm"), Map.of(), in, List.of("world", "3"),
                Map.of("ALPHA_MODE", "test"));
        StandaloneResult alone = Standalone.run(original, engine, 10_000);
        assertThat(alone).isEqualTo(new StandaloneResult(3, Captured.of(Fixture.ALPHA_OUT), Captured.EMPTY, "exit 3", null, 1)); // its memory stayed at 1 page

        RunSet set = Fixture.LAYOUT.runSet(List.of(Fixture.alpha(in, "world", "3")));
        RunReport linked = new Validator(set, Fixture.options(engine)).run(List.of(RunStep.start("alpha")));
        StepResult s = linked.steps().get(0);
        assertThat(s.stdout()).isEqualTo(alone.stdout());
        assertThat(s.exitCode()).isEqualTo(alone.exitCode());
        assertThat(linked.violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReactorRunsAloneToo(Engine engine) {
        StandaloneResult r = Standalone.run(RunModule.of("faulty", TestLayout.resource("faulty.wasm")), "own_work",
                new long[] {64}, engine, 10_000);
        assertThat(r.failure()).isNull();
        assertThat(r.stdout().text()).isEqualTo("faulty: own_work 55\n");
        assertThat(r.exitCode()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unmetExpectationsFailTheStep(Engine engine) {
        RunSet set = Fixture.LAYOUT.runSet(List.of(Fixture.alpha(null, "x", "4")));
        RunReport r = new Validator(set, Fixture.options(engine)).run(List.of(
                new RunStep("alpha", "_start", null, "something else\n", 0, null)));
        assertThat(r.steps().get(0).exitCode()).isEqualTo(4);
        assertThat(r.steps().get(0).failure()).isEqualTo("expected exit 0, got exit 4; expected stdout \"something else\\n\","
                + " got \"hello from alpha: arg=x stdin= fib=610 mode=test\\n\"");
        assertThat(r.exitStatus()).isEqualTo(1);
    }
}
