package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.manifest.ModuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The wasm-ld flags that build each module at its planned place (the placed strategy). The data goes
 * at {@code --global-base}; the stack has its own planned region that {@code link} points
 * {@code __stack_pointer} at, so {@code -z stack-size} only spans the gap wasm-ld leaves between the
 * data and {@code __heap_base}, which then lands on the planned heap.
 */
public final class FlagsJob {
    private FlagsJob() {
    }

    /** A module's wasm-ld flags, or why the plan cannot be expressed with them. */
    public record ModuleFlags(String module, List<String> flags, String impossible) {
        /** The flags as clang driver arguments ({@code -Wl,...}). */
        public List<String> clangArgs() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < flags.size(); i++) {
                out.add(flags.get(i).equals("-z") ? "-Wl,-z," + flags.get(++i) : "-Wl," + flags.get(i));
            }
            return out;
        }
    }

    public static List<ModuleFlags> flags(PlanJob.Planned planned) {
        Layout layout = planned.plan().layout();
        List<ModuleFlags> out = new ArrayList<>();
        for (ModuleSpec m : planned.manifest().modules()) {
            out.add(flags(planned, layout, m));
        }
        return out;
    }

    private static ModuleFlags flags(PlanJob.Planned planned, Layout layout, ModuleSpec m) {
        Region data = Placements.find(layout, m.name(), RegionKind.DATA);
        Region heap = Placements.find(layout, m.name(), RegionKind.HEAP);
        long afterData = (data.end() + 15) / 16 * 16;
        long gap = heap == null ? 0 : heap.start() - afterData;
        if (gap < 0) {
            return new ModuleFlags(m.name(), List.of(), "module '" + m.name() + "': the plan puts its heap at 0x"
                    + Long.toHexString(heap.start()) + ", below its data, which wasm-ld flags cannot express;"
                    + " link it with -Wl,--emit-relocs and let `wasm-layout link` relocate it instead");
        }
        String imp = planned.manifest().memory().importName();
        List<String> f = new ArrayList<>();
        f.add(imp.equals("env.memory") ? "--import-memory" : "--import-memory=" + imp.replaceFirst("\\.", ","));
        f.add("--global-base=" + data.start());
        f.add("-z");
        f.add("stack-size=" + gap);
        f.add("--initial-memory=" + layout.initialPages() * Layout.PAGE_SIZE);
        f.add("--max-memory=" + layout.maxPages() * Layout.PAGE_SIZE);
        return new ModuleFlags(m.name(), f, null);
    }
}
