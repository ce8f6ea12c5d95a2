package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wasmlayout.validator.Captured;
import dev.wasmlayout.validator.RunReport;
import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rendering of a run, for `wasm-layout run` and the validate goal's log alike. */
class RunTextTest {
    private static final RunJob.Outcome FAILED = new RunJob.Outcome(new RunReport(
            List.of(new StepResult("lib", "sum", null, List.of(38), Captured.EMPTY, Captured.EMPTY, 3, null, null),
                    new StepResult("app", "_start", 1, List.of(), Captured.EMPTY, Captured.of("oops\n\nbad\n"), 12,
                            "exit 1, expected 0", null)),
            List.of(new Violation("app", "fill", 0x10400, 4, "lib.data", "lib", Violation.OUTSIDE, null)),
            List.of("lib has no _start"), Captured.of("hello\n\nworld")), List.of());

    @Test
    void everyPartInOrderWithItsLevel() {
        assertThat(RunText.lines(FAILED)).extracting(RunText.Line::level, RunText.Line::text).containsExactly(
                tuple(RunText.Level.INFO, "hello"),
                tuple(RunText.Level.INFO, ""),
                tuple(RunText.Level.INFO, "world"),
                tuple(RunText.Level.INFO, "-- steps"),
                tuple(RunText.Level.INFO, "   lib.sum returned 38, 3 ms"),
                tuple(RunText.Level.ERROR, "   app._start exit 1, 12 ms  FAILED: exit 1, expected 0"),
                tuple(RunText.Level.WARN, "     stderr: oops"),
                tuple(RunText.Level.WARN, "     stderr: bad"),
                tuple(RunText.Level.ERROR, "VIOLATION: app (fill): write outside its regions: 4 byte(s) at 0x10400 in lib.data (owner lib)"),
                tuple(RunText.Level.INFO, "note: lib has no _start"),
                tuple(RunText.Level.ERROR, "FAILED: 2 steps, 1 failed, 1 violations"));
    }

    @Test
    void theTextIsTheLinesEachEndedByANewline() {
        assertThat(RunText.render(FAILED)).startsWith("hello\n\nworld\n-- steps\n").endsWith("\nFAILED: 2 steps, 1 failed, 1 violations\n");
        RunJob.Outcome clean = new RunJob.Outcome(new RunReport(List.of(), List.of(), List.of(), Captured.of("hi\n")), List.of());
        assertThat(RunText.render(clean)).isEqualTo("hi\n-- steps\nOK: 0 steps, 0 failed, 0 violations\n");
        assertThat(RunText.summary(clean)).isEqualTo("0 steps, 0 failed, 0 violations");
    }
}
