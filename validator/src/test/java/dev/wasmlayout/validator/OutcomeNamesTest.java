package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a call ends has a name ("exit N", "returned", "trap: ...", "timed out after N ms"), never "exit null". */
class OutcomeNamesTest {
    private static byte[] trapper() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int t = b.type(new int[0], new int[0]);
        b.export("boom", b.function("boom", t, 0, new WasmBuilder.Code().op(0x00).bytes())); // unreachable
        return b.build();
    }

    @Test
    void aTimeoutATrapAndAReturnAreNamed() {
        RunSet set = Modules.set(List.of(Modules.module("s", Modules.spinner(), Map.of()),
                Modules.module("t", trapper(), Map.of())), "s", "t");
        RunReport r = new Validator(set, Fixture.options(Engine.INTERPRETER).withStepTimeoutMillis(300)).run(List.of(
                RunStep.call("s", "spin"), RunStep.call("t", "boom"), RunStep.call("s", "ok")));
        assertThat(r.steps()).extracting(StepResult::ending).containsExactly(
                "timed out after 300 ms", "trap: Trapped on unreachable instruction", "returned");
        assertThat(r.steps()).extracting(StepResult::exitCode).containsOnlyNulls();
        assertThat(r.steps()).extracting(StepResult::failure).containsExactly(
                "timed out after 300 ms", "trap: Trapped on unreachable instruction", null);
    }

    @Test
    void aNonZeroExitFailsUnlessTheStepExpectsIt() {
        RunSet set = Fixture.LAYOUT.runSet(List.of(Fixture.alpha(null, "x", "4")));
        RunReport unexpected = new Validator(set, Fixture.options(Engine.INTERPRETER)).run(List.of(RunStep.start("alpha")));
        assertThat(unexpected.steps()).singleElement().satisfies(s -> {
            assertThat(s.ending()).isEqualTo("exit 4");
            assertThat(s.exitCode()).isEqualTo(4);
            assertThat(s.failure()).isEqualTo("exit 4 (no expect-exit accepts it)");
        });
        assertThat(unexpected.exitStatus()).isEqualTo(1);

        RunReport expected = new Validator(set, Fixture.options(Engine.INTERPRETER)).run(List.of(
                new RunStep("alpha", "_start", null, null, 4, null)));
        assertThat(expected.steps().get(0).failure()).isNull();
        assertThat(expected.exitStatus()).isZero();
    }

    @Test
    void aModuleRunAloneNamesItsEndingToo() {
        StandaloneResult r = Standalone.run(RunModule.of("s", Modules.spinner()), "spin", new long[0], Engine.INTERPRETER, 300);
        assertThat(r.ending()).isEqualTo("timed out after 300 ms");
        assertThat(r.exitCode()).isNull();
    }
}
