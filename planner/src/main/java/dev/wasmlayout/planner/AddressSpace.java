package dev.wasmlayout.planner;

import dev.wasmlayout.source.Sizes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which addresses are taken, and by whom. Free space is a set of gaps below {@code tail}, plus
 * everything from {@code tail} up. The space is unbounded on purpose: the planner places everything
 * first and checks the budget afterwards, so an over-budget error can say how far over it is.
 */
final class AddressSpace {

    /**
     * How many gaps first fit tries that are large enough but might be spoiled by alignment, before
     * it settles for the lowest gap the block is sure to fit in. Keeps placement logarithmic even
     * when thousands of gaps are each a few bytes too short once aligned.
     */
    static final int NEAR_MISSES = 32;

    private record Occupant(long end, String name) {
    }

    private final GapTree gaps = new GapTree();                        // all below tail
    private final TreeMap<Long, Occupant> occupants = new TreeMap<>(); // start -> who, non-empty only
    private long tail;

    /**
     * True when nothing occupies any byte of {@code [start, end)}. An empty range is free unless it
     * falls strictly inside an occupied one: a module's empty data region must not sit in the middle
     * of somebody else's region, where its address would belong to them.
     */
    boolean isFree(long start, long end) {
        if (start >= tail) {
            return true;
        }
        GapTree.Gap gap = gaps.floor(start);
        if (end <= start) {
            return gap != null && gap.end >= start || occupants.containsKey(start);
        }
        return gap != null && gap.end >= end;
    }

    /** The name of a region occupying part of {@code [start, end)}, or null. */
    String occupantOf(long start, long end) {
        Map.Entry<Long, Occupant> before = occupants.floorEntry(start);
        if (before != null && before.getValue().end() > start) {
            return before.getValue().name();
        }
        Map.Entry<Long, Occupant> after = occupants.ceilingEntry(start);
        return after != null && after.getKey() < end ? after.getValue().name() : null;
    }

    /**
     * Marks {@code [start, end)} as {@code name}'s; the caller has checked {@link #isFree}. An empty
     * range takes no bytes but splits the gap it is in, so no later block straddles it.
     */
    void take(long start, long end, String name) {
        if (end > start) {
            occupants.put(start, new Occupant(end, name));
        }
        if (start >= tail) {
            gaps.add(tail, start);
            tail = end;
            return;
        }
        GapTree.Gap gap = gaps.floor(start);
        if (gap == null || gap.end < start || end == start && (start == gap.start || start == gap.end)) {
            return; // an empty range at a gap's edge or on an occupied boundary splits nothing
        }
        gaps.remove(gap.start);
        gaps.add(gap.start, start);
        gaps.add(end, gap.end);
    }

    /**
     * Where a block goes: {@code start + anchor} a multiple of {@code align} and {@code [start, start + size)}
     * free. The lowest such start, unless more than {@link #NEAR_MISSES} gaps below the first gap that
     * surely fits turn out too short once aligned; then that first sure gap.
     */
    long firstFit(long size, long align, long anchor) {
        GapTree.Gap sure = gaps.first(0, size + align - 1); // any gap this large holds the block aligned
        long limit = sure == null ? tail : sure.start;
        long from = 0;
        for (int tries = 0; tries < NEAR_MISSES; tries++) {
            GapTree.Gap gap = gaps.first(from, size);
            if (gap == null || gap.start >= limit) {
                break;
            }
            long start = alignedStart(gap.start, align, anchor);
            if (start + size <= gap.end) {
                return start;
            }
            from = gap.start + 1;
        }
        return alignedStart(sure == null ? tail : sure.start, align, anchor);
    }

    private static long alignedStart(long from, long align, long anchor) {
        return Sizes.alignUp(from + anchor, align) - anchor;
    }
}
