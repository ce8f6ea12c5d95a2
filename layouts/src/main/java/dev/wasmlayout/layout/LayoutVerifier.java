package dev.wasmlayout.layout;

import dev.wasmlayout.source.Sizes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the promises a layout makes to the rewriter and validator: unique names, no overlap, every
 * start aligned, everything inside the initial memory, which is inside the maximum. Tools reading a
 * layout.json they did not plan themselves can use it, and the planner's tests do.
 */
public final class LayoutVerifier {

    private LayoutVerifier() {
    }

    /** One line per broken promise; empty when the layout is sound. */
    public static List<String> problems(Layout layout) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> modules = new HashSet<>();
        layout.modules().forEach(m -> modules.add(m.name()));
        Region furthest = null; // the region reaching furthest so far, in address order
        for (Region region : layout.regions()) {
            if (!names.add(region.name())) {
                problems.add("region name '" + region.name() + "' is used twice");
            }
            if (region.start() % region.align() != 0) {
                problems.add(region.describe() + " is not aligned to " + region.align());
            }
            if (region.kind().isModuleOwned() != (region.owner() != null)) {
                problems.add(region.describe() + " is " + region.kind().jsonName() + " but has owner " + region.owner());
            } else if (region.owner() != null && !modules.contains(region.owner())) {
                problems.add(region.describe() + " belongs to '" + region.owner() + "', which is not a module");
            }
            if (region.end() > layout.initialPages() * layout.pageSize()) {
                problems.add(region.describe() + " ends past the initial memory of " + layout.initialPages()
                        + (layout.initialPages() == 1 ? " page" : " pages"));
            }
            if (furthest != null && region.overlaps(furthest)) {
                problems.add(region.describe() + " overlaps " + furthest.describe());
            }
            if (region.size() > 0 && (furthest == null || region.end() > furthest.end())) {
                furthest = region;
            }
        }
        if (layout.initialPages() > layout.maxPages()) {
            problems.add("initial pages " + layout.initialPages() + " exceed max pages " + layout.maxPages()
                    + " (" + Sizes.format(layout.maxBytes()) + ")");
        }
        return problems;
    }
}
