package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timeouts, compiler fallback, and steps that cannot run. */
class EngineTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunawayLoopIsStoppedAndTheNextStepRuns(Engine engine) {
        RunSet set = Modules.set(List.of(Modules.module("s", Modules.spinner(), Map.of())), "s");
        RunReport r = new Validator(set, Fixture.options(engine).withStepTimeoutMillis(300)).run(List.of(
                RunStep.call("s", "spin"), RunStep.call("s", "ok")));
        assertThat(r.steps().get(0).failure()).isEqualTo("timed out after 300 ms");
        assertThat(r.steps().get(1).failure()).isNull();
        assertThat(r.exitStatus()).isEqualTo(1);
    }

    @Test
    void aFunctionTooLargeForTheCompilerRunsInterpretedAndIsStillNamed() {
        RunSet set = Modules.set(List.of(Modules.module("g", Modules.big(), Map.of()), RunModule.of("n", Modules.storer())),
                "g", "n");
        RunReport r = new Validator(set, Fixture.options(Engine.COMPILER).withCollectAll(true)).run(List.of(
                RunStep.call("g", "big", 0x2000), RunStep.call("g", "small", 0x2004)));
        assertThat(r.notes()).singleElement().asString().startsWith("module 'g': some functions are too large");
        assertThat(r.violations()).extracting(Violation::function).containsExactly("big_function", "small_function");
    }

    @Test
    void unknownModulesAndExportsFailTheirStep() {
        RunSet set = Modules.set(List.of(Modules.module("s", Modules.spinner(), Map.of())), "s");
        RunReport r = new Validator(set, ValidatorOptions.defaults()).run(List.of(
                RunStep.call("x", "spin"), RunStep.call("s", "nothing"), RunStep.call("s", "ok", 1, 2)));
        assertThat(r.steps()).extracting(StepResult::failure).containsExactly(
                "module 'x' is not in the set", "module 's' exports no function 'nothing'", "ok takes 0 argument(s), not 2");
    }
}
