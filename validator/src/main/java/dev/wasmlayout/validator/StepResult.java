package dev.wasmlayout.validator;

import java.util.List;

/**
 * What one step did. {@code exitCode} is null when the module did not exit (an export that returned);
 * {@code failure} is null when the step succeeded and met its expectations; {@code ending} says how the
 * call ended ("exit 3", "returned", "trap: unreachable", "timed out after 10000 ms", "stopped at the first
 * violation: ..."), null for a step that did not call anything. {@code stdout} and {@code stderr} are the
 * exact bytes the step wrote. Host steps use module "host"
 * and export "load"/"dump"; a module that could not be instantiated is reported with export "(instantiate)".
 *
 * @param returned what the export returned, one value per result, typed by the export's result types:
 *                 Integer for i32 (signed), Long for i64 (signed), Float for f32, Double for f64 (a v128
 *                 is an unsigned BigInteger, a reference Chicory's reference number); empty when the
 *                 step returned nothing (no results, a host step, an exit, a trap)
 */
public record StepResult(String module, String export, Integer exitCode, List<Number> returned, Captured stdout,
                         Captured stderr, long millis, String failure, String ending) {
    public StepResult {
        returned = returned == null ? List.of() : List.copyOf(returned);
        stdout = stdout == null ? Captured.EMPTY : stdout;
        stderr = stderr == null ? Captured.EMPTY : stderr;
    }

    /** A step that did not run (or a host step): nothing printed, no ending. */
    static StepResult notRun(String module, String export, long millis, String failure) {
        return new StepResult(module, export, null, List.of(), Captured.EMPTY, Captured.EMPTY, millis, failure, null);
    }

    public boolean ok() {
        return failure == null;
    }

    /** The returned values as people read them: {@code 38}, {@code [1, 2]}, or "" when nothing was returned. */
    public String returnedText() {
        return ReturnedValues.text(returned);
    }
}
