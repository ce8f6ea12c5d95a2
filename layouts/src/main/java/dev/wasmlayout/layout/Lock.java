package dev.wasmlayout.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses of a previous plan, read from wasm-layout.lock. The planner keeps each region where
 * the lock put it whenever it still fits there.
 */
public record Lock(List<Region> regions) {

    public Lock {
        regions = regions.stream().sorted(Layout.ADDRESS_ORDER).toList();
    }

    public static Lock of(Layout layout) {
        return new Lock(layout.regions());
    }

    /** The regions by name, in address order. */
    public Map<String, Region> byName() {
        Map<String, Region> byName = new LinkedHashMap<>();
        for (Region region : regions) {
            byName.put(region.name(), region);
        }
        return Collections.unmodifiableMap(byName);
    }
}
