package dev.wasmlayout.validator;

/**
 * What a module printed (exact bytes) and how it ended when run alone: {@code ending} as in
 * {@link StepResult#ending()}; {@code failure} is null when it ran to the end with exit 0 (or returned).
 */
public record StandaloneResult(Integer exitCode, Captured stdout, Captured stderr, String ending, String failure) {
}
