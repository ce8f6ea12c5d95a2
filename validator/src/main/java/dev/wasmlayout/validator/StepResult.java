package dev.wasmlayout.validator;

import java.util.List;

/**
 * What one step did. {@code exitCode} is null when the module did not exit (an export that returned);
 * {@code failure} is null when the step succeeded and met its expectations. Host steps use module "host"
 * and export "load"/"dump"; a module that could not be instantiated is reported with export "(instantiate)".
 *
 * @param returned what the export returned, one value per result, typed by the export's result types:
 *                 Integer for i32 (signed), Long for i64 (signed), Float for f32, Double for f64 (a v128
 *                 is an unsigned BigInteger, a reference Chicory's reference number); empty when the
 *                 step returned nothing (no results, a host step, an exit, a trap)
 */
public record StepResult(String module, String export, Integer exitCode, List<Number> returned, String stdout,
                         String stderr, long millis, String failure) {
    public StepResult {
        returned = returned == null ? List.of() : List.copyOf(returned);
    }

    public boolean ok() {
        return failure == null;
    }

    /** The returned values as people read them: {@code 38}, {@code [1, 2]}, or "" when nothing was returned. */
    public String returnedText() {
        return ReturnedValues.text(returned);
    }
}
