package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.code.ConstExpr;

/**
 * An element segment: its flags form (0-7), table, offset (active only) and, for function-index
 * forms, the referenced functions (null for expression forms).
 */
public record ElementSegment(int index, int flags, int tableIndex, ConstExpr offset, int[] functionIndices,
                             int expressionCount, int start, int end) {

    public boolean active() {
        return (flags & 1) == 0;
    }
}
