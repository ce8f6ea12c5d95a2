package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.source.Sizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps regions at the addresses the previous lock gave them. A region stays when it still fits there:
 * its start is still aligned, the space is free and inside the budget. Regions that kept or lost size
 * claim their old place first; regions that grew come second and stay only if the bytes after them are
 * free, so a growing region never pushes out a neighbour that did not change. A heap that must end on a page
 * (malloc finds its end through memory.size) stays only where it still does.
 */
final class LockKeeper {

    /** A locked region that has to move; its new start is known once the rest is placed. */
    record Leaving(String region, long oldStart, String reason) {
    }

    private LockKeeper() {
    }

    /**
     * Takes the kept addresses in {@code space} and {@code placed}; returns the regions that must move.
     * Parts without a lock entry are new and simply not handled here.
     */
    static List<Leaving> keep(List<Part> parts, Map<String, Region> lock, long budget,
                              AddressSpace space, Map<String, Region> placed) {
        List<Leaving> leaving = new ArrayList<>();
        List<Part> candidates = new ArrayList<>();
        for (Part part : parts) {
            Region old = lock.get(part.name());
            if (old == null) {
                continue;
            }
            if (part.isFixed()) {
                if (old.start() != part.fixedAt()) {
                    leaving.add(new Leaving(part.name(), old.start(), "the manifest fixes it at " + Sizes.hex(part.fixedAt())));
                }
            } else {
                candidates.add(part);
            }
        }
        candidates.sort(Comparator.comparingLong((Part p) -> lock.get(p.name()).start()).thenComparing(Part::name));
        for (boolean grown : new boolean[] {false, true}) {
            for (Part part : candidates) {
                Region old = lock.get(part.name());
                if ((part.size() > old.size()) == grown) {
                    String reason = whyNot(part, old, budget, space);
                    if (reason == null) {
                        space.take(old.start(), old.start() + part.size(), part.name());
                        placed.put(part.name(), part.at(old.start()));
                    } else {
                        leaving.add(new Leaving(part.name(), old.start(), reason));
                    }
                }
            }
        }
        return leaving;
    }

    /** A heap placed with the empty marker that makes it end on a page ({@link Parts}). */
    private static boolean endsOnPage(Part part) {
        return part.kind() == RegionKind.HEAP && !part.isMarker() && part.group().endsWith(Part.PAGE_END_SUFFIX);
    }

    /** Null when {@code part} can stay at its old start, else the reason it cannot. */
    private static String whyNot(Part part, Region old, long budget, AddressSpace space) {
        long start = old.start();
        long end = start + part.size();
        if (start % part.align() != 0) {
            return "its alignment of " + part.align() + " does not hold at " + Sizes.hex(start);
        }
        if (end > budget) {
            return "it would end past memory.max (" + Sizes.format(budget) + ")";
        }
        if (endsOnPage(part) && end % Layout.PAGE_SIZE != 0) {
            long short_ = Layout.PAGE_SIZE - end % Layout.PAGE_SIZE;
            return "malloc finds its end through memory.size, so it must end on a 64 KiB page; at " + Sizes.hex(start)
                    + " it would end at " + Sizes.hex(end) + ", " + short_ + " bytes short of one";
        }
        if (space.isFree(start, end)) {
            return null;
        }
        String inTheWay = "'" + space.occupantOf(start, end) + "' is in the way";
        return part.size() > old.size()
                ? "it grew from " + Sizes.format(old.size()) + " to " + Sizes.format(part.size()) + " and " + inTheWay
                : inTheWay;
    }
}
