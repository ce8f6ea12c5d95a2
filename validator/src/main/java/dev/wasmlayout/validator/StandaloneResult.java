package dev.wasmlayout.validator;

/**
 * What a module printed and how it exited when run alone; {@code failure} is null when it ran to the end.
 * {@code pages} is how large its memory was at the end (how far it grew), -1 when the run did not get that far.
 */
public record StandaloneResult(Integer exitCode, String stdout, String stderr, String failure, long pages) {

    public StandaloneResult(Integer exitCode, String stdout, String stderr, String failure) {
        this(exitCode, stdout, stderr, failure, -1);
    }
}
