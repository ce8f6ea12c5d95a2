package dev.wasmlayout.planner;

import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.source.Sizes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inspection results by module name, checked against the manifest: exactly one per module, no
 * negative sizes, power-of-two alignment. Problems here are bugs in the caller, but they are still
 * reported as one-line {@link PlanningException}s rather than as wrong plans.
 */
final class NeedsIndex {

    private final Map<String, ModuleNeeds> byModule = new HashMap<>(); // lookups only: nothing iterates it

    NeedsIndex(Manifest manifest, List<ModuleNeeds> needs) {
        Set<String> modules = new HashSet<>();
        manifest.modules().forEach(m -> modules.add(m.name()));
        for (ModuleNeeds need : needs) {
            if (byModule.put(need.module(), need) != null) {
                throw PlanningException.of("two inspection results (ModuleNeeds) for module '" + need.module() + "'");
            }
            if (!modules.contains(need.module())) {
                throw PlanningException.of("inspection results (ModuleNeeds) for '" + need.module()
                        + "', which is not a module in " + manifest.file());
            }
            check(need);
        }
        for (ModuleSpec module : manifest.modules()) {
            if (!byModule.containsKey(module.name())) {
                throw PlanningException.at(manifest, module.location(),
                        "no inspection results (ModuleNeeds) for module '" + module.name() + "'");
            }
        }
    }

    ModuleNeeds get(String module) {
        return byModule.get(module);
    }

    private static void check(ModuleNeeds need) {
        String prefix = "module '" + need.module() + "': ";
        long[] values = {need.dataSize(), need.dataAlign(), need.linkedStackSize(), need.linkedMemoryBytes()};
        String[] names = {"dataSize", "dataAlign", "linkedStackSize", "linkedMemoryBytes"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw PlanningException.of(prefix + names[i] + " is negative (" + values[i] + ")");
            }
            if (values[i] > Sizes.MAX) {
                throw PlanningException.of(prefix + names[i] + " is larger than a 32-bit memory (" + values[i] + ")");
            }
        }
        if (need.dataAlign() > 1 && !Sizes.isPowerOfTwo(need.dataAlign())) {
            throw PlanningException.of(prefix + "data alignment " + need.dataAlign() + " is not a power of two");
        }
    }
}
