package dev.wasmlayout.wasm.code;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exception-handling instructions of a module's code, counted during the parse's one pass over
 * it, and the first instruction of the legacy proposal (try, catch, catch_all, rethrow, delegate):
 * what an engine of the final proposal alone (Chicory) cannot run.
 */
public final class ExceptionUse {
    private final EnumMap<Opcode, Integer> counts = new EnumMap<>(Opcode.class);
    private Opcode firstLegacy;
    private int firstLegacyFunction = -1;
    private int firstLegacyOffset = -1;

    /** Synchronized, and "first" is the lowest offset: the parse may scan runs of bodies on several threads. */
    synchronized void record(int function, Opcode op, int offset) {
        counts.merge(op, 1, Integer::sum);
        if (op.isLegacyExceptionHandling() && (firstLegacy == null || offset < firstLegacyOffset)) {
            firstLegacy = op;
            firstLegacyFunction = function;
            firstLegacyOffset = offset;
        }
    }

    /** How often each exception-handling opcode occurs, in opcode table order. */
    public Map<Opcode, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** True when the code uses the legacy proposal. */
    public boolean legacy() {
        return firstLegacy != null;
    }

    /** The first legacy instruction in file order, or null. */
    public Opcode firstLegacy() {
        return firstLegacy;
    }

    /** The function holding {@link #firstLegacy()}, or -1. */
    public int firstLegacyFunction() {
        return firstLegacyFunction;
    }

    /** The file offset of {@link #firstLegacy()}'s opcode byte, or -1. */
    public int firstLegacyOffset() {
        return firstLegacyOffset;
    }
}
