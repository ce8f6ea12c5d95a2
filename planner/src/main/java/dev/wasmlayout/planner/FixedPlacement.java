package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.source.Sizes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts the regions the manifest pins (the null guard, reserves and shared buffers with {@code at})
 * where they were asked to be. Two of them overlapping is an error naming both: no plan can fix it.
 */
final class FixedPlacement {

    private FixedPlacement() {
    }

    static void place(Manifest manifest, List<Part> parts, AddressSpace space, Map<String, Region> placed) {
        List<Part> fixed = parts.stream().filter(Part::isFixed)
                .sorted(Comparator.comparingLong(Part::fixedAt).thenComparingInt(Part::order)).toList();
        Part furthest = null; // the fixed part reaching highest so far, in address order
        for (Part part : fixed) {
            if (part.fixedAt() % part.align() != 0) {
                throw PlanningException.at(manifest, part.where(), part.describe() + " is fixed at "
                        + Sizes.hex(part.fixedAt()) + ", which is not a multiple of its align " + Sizes.format(part.align()));
            }
            if (furthest != null && part.size() > 0 && part.fixedAt() < end(furthest)) {
                Part later = part.order() > furthest.order() ? part : furthest;
                throw PlanningException.at(manifest, later.where() != null ? later.where() : manifest.memory().location(),
                        range(furthest) + " overlaps " + range(part));
            }
            space.take(part.fixedAt(), end(part), part.name());
            placed.put(part.name(), part.at(part.fixedAt()));
            if (part.size() > 0 && (furthest == null || end(part) > end(furthest))) {
                furthest = part;
            }
        }
    }

    private static long end(Part part) {
        return part.fixedAt() + part.size();
    }

    private static String range(Part part) {
        return part.describe() + " [" + Sizes.hex(part.fixedAt()) + ", " + Sizes.hex(end(part)) + ")";
    }
}
