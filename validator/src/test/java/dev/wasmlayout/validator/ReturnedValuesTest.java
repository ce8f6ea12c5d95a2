package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A call step shows what the export returned, typed by its result types, and can expect it. */
class ReturnedValuesTest {

    private static RunReport run(Engine engine, RunStep... steps) {
        RunSet set = Modules.set(List.of(Modules.module("r", Modules.returner(), Map.of())), "r");
        return new Validator(set, Fixture.options(engine)).run(List.of(steps));
    }

    private static RunStep call(String export) {
        return RunStep.call("r", export);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void valuesAreTypedByTheExportsResultTypes(Engine engine) {
        RunReport r = run(engine, call("minus_one"), call("minus_two"), call("tenth"), call("third"), call("pair"),
                call("nothing"));
        assertThat(r.steps()).extracting(StepResult::returned).containsExactly(
                List.of(-1), List.of(-2L), List.of(0.1f), List.of(1.0 / 3), List.of(7, -1L), List.of());
        assertThat(r.steps()).extracting(StepResult::returnedText).containsExactly(
                "-1", "-2", "0.1", "0.3333333333333333", "[7, -1]", "");
        assertThat(r.exitStatus()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anI32OfMinusOneIsAlsoItsUnsignedValue(Engine engine) {
        RunReport r = run(engine, call("minus_one").expectingResult(-1),
                call("minus_one").expectingResult(new BigInteger("4294967295")),
                call("minus_one").expectingResult(0xFFFF_FFFFL));
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.failure()).isNull());
        assertThat(r.exitStatus()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void i64ComparesAsSixtyFourBitTwosComplement(Engine engine) {
        RunReport r = run(engine, call("minus_two").expectingResult(-2L),
                call("minus_two").expectingResult(new BigInteger("18446744073709551614")),
                call("pair").expectingResult(7, new BigInteger("18446744073709551615")),
                call("minus_two").expectingResult(4294967294L));
        assertThat(r.steps()).extracting(StepResult::failure)
                .containsExactly(null, null, null, "expected result 4294967294, got -2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void floatsCompareAsTheTypedValue(Engine engine) {
        RunReport r = run(engine, call("tenth").expectingResult(new BigDecimal("0.1")),
                call("tenth").expectingResult(0.1),
                call("not_a_number").expectingResult(Double.NaN),
                call("third").expectingResult(new BigDecimal("0.3333333333333333")),
                call("third").expectingResult(new BigDecimal("0.1")));
        assertThat(r.steps()).extracting(StepResult::failure)
                .containsExactly(null, null, null, null, "expected result 0.1, got 0.3333333333333333");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMismatchFailsTheStepShowingBothValues(Engine engine) {
        RunReport r = run(engine, call("minus_one").expectingResult(5), call("pair").expectingResult(7, 0));
        assertThat(r.steps()).extracting(StepResult::failure)
                .containsExactly("expected result 5, got -1", "expected result [7, 0], got [7, -1]");
        assertThat(r.steps().get(0).returned()).containsExactly(-1);
        assertThat(r.exitStatus()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExpectationThatCannotFitTheResultsFailsWithoutCalling(Engine engine) {
        RunReport r = run(engine, call("pair").expectingResult(7),
                call("nothing").expectingResult(0),
                call("minus_one").expectingResult(new BigInteger("4294967296")),
                call("pair").expectingResult(new BigDecimal("1.5"), 0),
                call("minus_two").expectingResult(Double.NaN));
        assertThat(r.steps()).extracting(StepResult::failure).containsExactly(
                "pair returns 2 values, but expect-result has 1 value",
                "nothing returns nothing, but expect-result has 1 value",
                "minus_one returns i32, which cannot hold 4294967296 (whole numbers from -2147483648 to 4294967295)",
                "result 1 of pair is i32, which cannot hold 1.5 (whole numbers from -2147483648 to 4294967295)",
                "minus_two returns i64, which cannot hold NaN"
                        + " (whole numbers from -9223372036854775808 to 18446744073709551615)");
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.returned()).isEmpty());
        assertThat(r.exitStatus()).isEqualTo(1);
    }
}
