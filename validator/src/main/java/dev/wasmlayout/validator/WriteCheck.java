package dev.wasmlayout.validator;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Checks one writer's writes against its permit and turns a bad one into a {@link Violation}.
 * {@code where} is asked only then, because finding the function walks the stack.
 */
final class WriteCheck {
    private final String writer;
    private final Permit permit;
    private final Ownership ownership;
    private final Violations sink;
    private final Supplier<FunctionLocator.Where> where;
    private final LongSupplier stackPointer;

    WriteCheck(String writer, Ownership ownership, Violations sink, Supplier<FunctionLocator.Where> where,
               LongSupplier stackPointer) {
        this.writer = writer;
        this.permit = ownership.permit(writer);
        this.ownership = ownership;
        this.sink = sink;
        this.where = where;
        this.stackPointer = stackPointer;
    }

    /** Checks [address, address + size); {@code context} names the writer's function when known (else null). */
    void check(long address, long size, String context) {
        long bad = permit.firstForeign(address, size);
        if (bad >= 0) {
            report(bad, address + size - bad, context);
        }
    }

    /** Up to {@code n} of the ranges this writer may write, widest first (see {@link Permit#widest}). */
    long[][] fastRanges(int n) {
        return permit.widest(n);
    }

    /** The permitted range holding {@code address} as {start, end}, or null when it is foreign. */
    long[] rangeAt(long address) {
        return permit.rangeAt(address);
    }

    private void report(long bad, long size, String context) {
        FunctionLocator.Where w = context != null ? new FunctionLocator.Where(context, null) : where.get();
        OwnedRegion hit = ownership.regionAt(bad);
        // a data segment is not the stack growing: never call it an overflow
        long sp = context != null ? Long.MAX_VALUE : stackPointer.getAsLong();
        String kind = ownership.kind(writer, bad, hit, sp);
        sink.report(new Violation(writer, w.function(), bad, (int) Math.min(size, Integer.MAX_VALUE),
                hit != null ? hit.name() : Violation.UNPLANNED, hit != null ? hit.ownerForReport() : null, kind, w.via()));
    }
}
