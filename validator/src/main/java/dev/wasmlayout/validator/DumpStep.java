package dev.wasmlayout.validator;

import java.nio.file.Path;

/** The host copies {@code size} bytes at {@code address} into {@code file}. */
public record DumpStep(long address, long size, Path file) implements Step {
}
