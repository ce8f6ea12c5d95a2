package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.source.Location;

/**
 * One region still to be given an address: what the manifest and inspection ask for.
 *
 * @param group   parts of one group (a module's stack, data, heap) are placed together, in part order
 * @param fixedAt the manifest's fixed address, or -1 when the planner chooses
 * @param order   declaration order in the manifest: the last tie-breaker, so plans are deterministic
 * @param where   where the manifest declares it (null for the automatic null guard)
 */
record Part(String name, RegionKind kind, String owner, long size, long align, long fixedAt,
            String group, int order, Location where) {

    /** Name suffix of the empty marker that makes a heap end on a page boundary; it is never a region. */
    static final String PAGE_END_SUFFIX = ".heap-page-end";

    boolean isMarker() {
        return size == 0 && name.endsWith(PAGE_END_SUFFIX);
    }

    boolean isFixed() {
        return fixedAt >= 0;
    }

    Region at(long start) {
        return new Region(name, kind, owner, start, start + size, align);
    }

    /** How messages name it: "reserve 'host-io'", "shared 'ring'", "the null guard", "producer.heap". */
    String describe() {
        return switch (kind) {
            case RESERVED -> "reserve '" + name + "'";
            case SHARED -> "shared '" + name + "'";
            case GUARD -> "the null guard";
            default -> name;
        };
    }
}
