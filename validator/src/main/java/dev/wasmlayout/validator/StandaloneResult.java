package dev.wasmlayout.validator;

/**
 * What a module printed (exact bytes) and how it ended when run alone: {@code ending} as in
 * {@link StepResult#ending()}; {@code failure} is null when it ran to the end with exit 0 (or returned).
 * {@code pages} is how large its memory was at the end (how far it grew), -1 when the run did not get that far.
 */
public record StandaloneResult(Integer exitCode, Captured stdout, Captured stderr, String ending, String failure, long pages) {

    public StandaloneResult(Integer exitCode, Captured stdout, Captured stderr, String ending, String failure) {
        this(exitCode, stdout, stderr, ending, failure, -1);
    }
}
