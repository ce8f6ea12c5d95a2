package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.patch.Placement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a module's planned regions into the {@link Placement} the patch strategies take. */
final class Placements {
    private Placements() {
    }

    static Placement of(Manifest manifest, Layout layout, ModuleSpec module) {
        Region data = find(layout, module.name(), RegionKind.DATA);
        Region stack = find(layout, module.name(), RegionKind.STACK);
        Region heap = find(layout, module.name(), RegionKind.HEAP);
        if (data == null) {
            throw new LinkException("the layout has no data region for module '" + module.name() + "'");
        }
        long stackLow = stack == null ? data.start() : stack.start();
        long stackHigh = stack == null ? data.start() : stack.end();
        long heapStart = heap == null ? data.end() : heap.start();
        long heapEnd = heap == null ? data.end() : heap.end();
        Map<String, Long> symbols = new LinkedHashMap<>();
        for (Region r : layout.regions()) {
            if (r.kind() == RegionKind.SHARED || r.kind() == RegionKind.RESERVED) {
                symbols.put(r.name(), r.start());
            }
        }
        return new Placement(manifest.memory().importModule(), manifest.memory().importField(), layout.initialPages(),
                layout.maxPages(), data.start(), data.end(), stackLow, stackHigh, heapStart, heapEnd, symbols,
                module.imports(), 0, module.stackCheck());
    }

    static Region find(Layout layout, String owner, RegionKind kind) {
        for (Region r : layout.regions()) {
            if (owner.equals(r.owner()) && r.kind() == kind) {
                return r;
            }
        }
        return null;
    }
}
