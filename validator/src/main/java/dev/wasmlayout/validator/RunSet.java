package dev.wasmlayout.validator;

import java.util.List;

/**
 * What the validator runs: the linked modules, the one memory they import ({@code memoryModule.memoryName}
 * with the planned limits in pages) and every planned region with its owner.
 */
public record RunSet(String memoryModule, String memoryName, long initialPages, long maxPages, List<RunModule> modules,
                     List<OwnedRegion> regions) {
    public RunSet {
        modules = List.copyOf(modules);
        regions = List.copyOf(regions);
        if (initialPages < 0 || maxPages < initialPages) {
            throw new IllegalArgumentException("memory limits " + initialPages + ".." + maxPages + " pages are not valid");
        }
    }

    /** The module of that name, or null. */
    public RunModule module(String name) {
        for (RunModule m : modules) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
