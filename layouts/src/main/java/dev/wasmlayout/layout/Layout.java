package dev.wasmlayout.layout;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for one shared memory: every region with its addresses and every module with its input and
 * strategy. Regions are kept in address order (then end, then name) so equal plans are equal objects
 * and every file written from them is byte-for-byte the same.
 *
 * @param memoryImport "module.name" the linked modules import the memory as
 * @param footprint    null when a layout file written elsewhere does not carry one
 */
public record Layout(String memoryImport, int pageSize, long initialPages, long maxPages,
                     List<Region> regions, List<ModuleAssignment> modules, Footprint footprint) {

    /** The wasm page size; the only one this tool plans for. */
    public static final int PAGE_SIZE = 65536;

    public static final Comparator<Region> ADDRESS_ORDER = Comparator.comparingLong(Region::start)
            .thenComparingLong(Region::end).thenComparing(Region::name);

    public Layout {
        Objects.requireNonNull(memoryImport, "memoryImport");
        regions = regions.stream().sorted(ADDRESS_ORDER).toList();
        modules = List.copyOf(modules);
    }

    public Optional<Region> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public long maxBytes() {
        return maxPages * pageSize;
    }
}
