package dev.wasmlayout.wasm.sections;

/**
 * A tag the module defines (exception handling): {@code index} in the tag index space (imported tags
 * first), the index of its function type (parameters are the exception's payload, no results), and
 * the file offset of its entry.
 */
public record Tag(int index, int typeIndex, int offset) {
}
