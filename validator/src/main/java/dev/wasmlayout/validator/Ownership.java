package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Who may write which bytes, and which region a byte belongs to; built once from the plan. */
final class Ownership {
    static final String HOST = "host";
    /** How far below its stack a write still counts as the module's stack overflowing. */
    static final long STACK_SLACK = 4096;
    /** Writes below this address are taken for writes through a null pointer. */
    static final long NULL_PAGE = 4096;

    private final List<OwnedRegion> regions;

    Ownership(List<OwnedRegion> regions) {
        List<OwnedRegion> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingLong(OwnedRegion::start));
        this.regions = List.copyOf(sorted);
    }

    /** The byte ranges {@code writer} may write. */
    Permit permit(String writer) {
        List<long[]> ranges = new ArrayList<>();
        for (OwnedRegion r : regions) {
            if (r.end() > r.start() && r.writableBy(writer)) {
                ranges.add(new long[] {r.start(), r.end()});
            }
        }
        return new Permit(ranges);
    }

    /** The region holding {@code address}, or null when the plan left it out. */
    OwnedRegion regionAt(long address) {
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            OwnedRegion r = regions.get(mid);
            if (address < r.start()) {
                hi = mid - 1;
            } else if (address >= r.end()) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        // empty or overlapping regions: fall back to a scan
        for (OwnedRegion r : regions) {
            if (r.contains(address)) {
                return r;
            }
        }
        return null;
    }

    OwnedRegion stackOf(String module) {
        for (OwnedRegion r : regions) {
            if (r.kind() == RegionKind.STACK && module.equals(r.owner())) {
                return r;
            }
        }
        return null;
    }

    /**
     * Names a bad write. Just below the writer's stack while its stack pointer (-1: unknown) is below
     * the stack too, it is the stack overflowing; near 0 or in a guard at 0, a null pointer.
     */
    String kind(String writer, long address, OwnedRegion hit, long stackPointer) {
        OwnedRegion stack = stackOf(writer);
        if (stack != null && address < stack.start() && address >= stack.start() - STACK_SLACK
                && (stackPointer < 0 || stackPointer < stack.start())) {
            return Violation.STACK_OVERFLOW;
        }
        if (address < NULL_PAGE || hit != null && hit.kind() == RegionKind.GUARD && hit.start() == 0) {
            return Violation.NULL_POINTER;
        }
        return Violation.OUTSIDE;
    }
}
