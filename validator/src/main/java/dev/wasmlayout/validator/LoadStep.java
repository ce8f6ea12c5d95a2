package dev.wasmlayout.validator;

import java.nio.file.Path;

/** The host writes the bytes of {@code file} (at most {@code maxSize}) at {@code address}. */
public record LoadStep(Path file, long address, long maxSize) implements Step {
}
