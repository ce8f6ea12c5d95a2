package dev.wasmlayout.source;

/**
 * Turns a problem found at a place in a file into the exception its reader throws, so the shared tree
 * code can report manifest problems as {@code ManifestException} and layout-file problems as
 * {@code LayoutFileException} without knowing either.
 */
@FunctionalInterface
public interface Complaint {
    RuntimeException at(Location where, String detail);
}
