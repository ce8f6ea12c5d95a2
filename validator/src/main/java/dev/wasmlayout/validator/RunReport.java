package dev.wasmlayout.validator;

import java.util.List;

/**
 * Every step's result, every violation, notes (engine fallbacks, dropped violations) and the console:
 * the bytes all modules wrote to stdout, in the order they wrote them.
 */
public record RunReport(List<StepResult> steps, List<Violation> violations, List<String> notes, Captured console) {
    public RunReport {
        steps = List.copyOf(steps);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
        console = console == null ? Captured.EMPTY : console;
    }

    public RunReport(List<StepResult> steps, List<Violation> violations, List<String> notes) {
        this(steps, violations, notes, Captured.EMPTY);
    }

    /** 0 when every step succeeded and nobody wrote where it must not; 1 otherwise. */
    public int exitStatus() {
        return violations.isEmpty() && steps.stream().allMatch(StepResult::ok) ? 0 : 1;
    }
}
