package dev.wasmlayout.validator;

import java.util.List;

/** Every step's result, every violation, and notes (engine fallbacks, dropped violations). */
public record RunReport(List<StepResult> steps, List<Violation> violations, List<String> notes) {
    public RunReport {
        steps = List.copyOf(steps);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    /** 0 when every step succeeded and nobody wrote where it must not; 1 otherwise. */
    public int exitStatus() {
        return violations.isEmpty() && steps.stream().allMatch(StepResult::ok) ? 0 : 1;
    }
}
