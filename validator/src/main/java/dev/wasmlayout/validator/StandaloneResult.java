package dev.wasmlayout.validator;

/** What a module printed and how it exited when run alone; {@code failure} is null when it ran to the end. */
public record StandaloneResult(Integer exitCode, String stdout, String stderr, String failure) {
}
