package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.code.ConstExpr;

/**
 * A data segment. For an active one, {@code offset} is its placement expression; the bytes are
 * {@code [dataStart, dataStart + length)} of the file.
 */
public record DataSegment(int index, boolean active, int memoryIndex, ConstExpr offset, int dataStart, int length,
                          int start, int end) {

    /** Absolute address of an active segment with a constant offset, or -1. */
    public long address() {
        return active && offset.value().isPresent() ? offset.value().getAsLong() & 0xffffffffL : -1;
    }
}
