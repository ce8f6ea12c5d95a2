package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.manifest.Defaults;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import dev.wasmlayout.manifest.SharedSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists every region the plan must place, in declaration order: the null guard, reserves, shared
 * buffers, then per module its stack, data and heap.
 *
 * <p>Why stack first: the stack grows down, so an overflow runs off its low end. With the stack below
 * the module's own data, an overflow hits the null guard or another module's region, which the
 * validator reports as a write where the module does not belong; with the stack above the data (wasm-ld's
 * default) it would silently corrupt the module's own data, which no check can tell from a legal write.
 * It is the arrangement {@code wasm-ld --stack-first} chooses for the same reason.
 */
final class Parts {

    private Parts() {
    }

    static List<Part> of(Manifest manifest, NeedsIndex needs) {
        List<Part> parts = new ArrayList<>();
        if (manifest.nullGuard()) {
            parts.add(new Part(Defaults.NULL_GUARD_NAME, RegionKind.GUARD, null, manifest.memory().nullGuard(),
                    1, 0, Defaults.NULL_GUARD_NAME, parts.size(), null));
        }
        for (ReserveSpec reserve : manifest.reserve()) {
            parts.add(new Part(reserve.name(), RegionKind.RESERVED, null, reserve.size(), reserve.align(),
                    reserve.at().orElse(-1), reserve.name(), parts.size(), reserve.location()));
        }
        for (SharedSpec shared : manifest.shared()) {
            parts.add(new Part(shared.name(), RegionKind.SHARED, null, shared.size(), shared.align(),
                    shared.at().orElse(-1), shared.name(), parts.size(), shared.location()));
        }
        for (ModuleSpec module : manifest.modules()) {
            ModuleNeeds need = needs.get(module.name());
            long stack = PlanDefaults.roundUp(module.stack().orElse(need.linkedStackSize()));
            // a linked module's heap has no bound to keep (malloc grows it with memory.grow): the manifest's or the default
            long heap = PlanDefaults.roundUp(module.heap().orElse(PlanDefaults.HEAP));
            long dataAlign = Math.max(PlanDefaults.MIN_DATA_ALIGN, need.dataAlign());
            if (stack > 0) {
                parts.add(modulePart(module, ".stack", RegionKind.STACK, stack, PlanDefaults.GRANULE, parts.size()));
            }
            parts.add(modulePart(module, ".data", RegionKind.DATA, need.dataSize(), dataAlign, parts.size()));
            if (heap > 0 && need.heapEndsOnPage()) {
                // malloc finds the heap's end through memory.size, so the heap must end on a page: it is
                // placed on its own (stack and data fill other gaps), anchored by an empty page-aligned part
                String group = module.name() + Part.PAGE_END_SUFFIX;
                parts.add(modulePart(module, ".heap", RegionKind.HEAP, heap, PlanDefaults.GRANULE, parts.size(), group));
                parts.add(modulePart(module, Part.PAGE_END_SUFFIX, RegionKind.HEAP, 0, Layout.PAGE_SIZE, parts.size(), group));
            } else if (heap > 0) {
                parts.add(modulePart(module, ".heap", RegionKind.HEAP, heap, PlanDefaults.GRANULE, parts.size()));
            }
        }
        return parts;
    }

    private static Part modulePart(ModuleSpec module, String suffix, RegionKind kind, long size, long align, int order) {
        return modulePart(module, suffix, kind, size, align, order, module.name());
    }

    private static Part modulePart(ModuleSpec module, String suffix, RegionKind kind, long size, long align, int order,
                                   String group) {
        return new Part(module.name() + suffix, kind, module.name(), size, align, -1, group, order, module.location());
    }
}
