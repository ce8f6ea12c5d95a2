package dev.wasmlayout.validator;

import java.util.Arrays;
import java.util.List;

/**
 * Calls {@code module.export(args)}. An expectation left null is not checked. The exit code is the
 * one passed to WASI proc_exit; {@code _start} returning normally counts as exit 0.
 *
 * @param expectResult the values the export must return, one per result, each converted to its result's
 *                     type before comparing (an i32 of -1 is also 4294967295; f32 and f64 are rounded to
 *                     the type, NaN matches NaN): any Number, e.g. 42, -1L, new BigInteger("4294967295"),
 *                     new BigDecimal("0.1"), Double.NaN
 */
public record RunStep(String module, String export, long[] args, String expectStdout, Integer expectExit,
                      List<Number> expectResult) implements Step {
    public RunStep {
        args = args == null ? new long[0] : args.clone();
        expectResult = expectResult == null ? null : List.copyOf(expectResult);
    }

    public static RunStep call(String module, String export, long... args) {
        return new RunStep(module, export, args, null, null, null);
    }

    public static RunStep start(String module) {
        return new RunStep(module, "_start", new long[0], null, null, null);
    }

    /** This step, also checking that the export returns {@code values}. */
    public RunStep expectingResult(Number... values) {
        return new RunStep(module, export, args, expectStdout, expectExit, Arrays.asList(values));
    }

    @Override
    public long[] args() {
        return args.clone();
    }
}
