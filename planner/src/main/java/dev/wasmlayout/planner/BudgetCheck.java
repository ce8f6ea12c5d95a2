package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.source.Sizes;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the finished placement against {@code memory.max}. Over budget, it says what does not fit
 * and by how many bytes, the way lld reports "overflowed by N bytes".
 */
final class BudgetCheck {

    /** Enough names to act on; the count says how many more there are. */
    private static final int MAX_LISTED = 8;

    private BudgetCheck() {
    }

    static void check(Manifest manifest, Collection<Region> regions) {
        long max = manifest.memory().max();
        long highest = highestEnd(regions);
        if (highest <= max) {
            return;
        }
        List<Region> outside = regions.stream().filter(r -> r.end() > max).sorted(Layout.ADDRESS_ORDER).toList();
        String listed = outside.stream().limit(MAX_LISTED).map(Region::describe).collect(Collectors.joining(", "));
        if (outside.size() > MAX_LISTED) {
            listed += " and " + (outside.size() - MAX_LISTED) + " more";
        }
        throw PlanningException.at(manifest, manifest.memory().location(), "memory.max of " + Sizes.format(max)
                + " (" + count(max / Layout.PAGE_SIZE, "page") + ") is too small: " + listed
                + (outside.size() == 1 ? " does" : " do") + " not fit; overflowed by " + count(highest - max, "byte")
                + " (the plan needs " + count(pages(highest), "page") + ")");
    }

    static long highestEnd(Collection<Region> regions) {
        long highest = 0;
        for (Region region : regions) {
            highest = Math.max(highest, region.end());
        }
        return highest;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static long pages(long bytes) {
        return (bytes + Layout.PAGE_SIZE - 1) / Layout.PAGE_SIZE;
    }
}
