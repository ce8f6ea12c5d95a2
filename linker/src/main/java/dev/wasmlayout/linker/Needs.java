package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.planner.ModuleNeeds;

/** What the planner needs to know about a module, from what inspection found. */
final class Needs {

    private Needs() {
    }

    static ModuleNeeds of(LoadedModule m) {
        ModuleFacts f = m.facts();
        long dataSize = f.pic().pic() ? f.pic().memorySize() : f.data().size();
        long dataAlign = f.pic().pic() ? f.pic().memoryAlignment() : f.data().alignment();
        long linkedMemory = Math.max(1, f.memory().minPages()) * dev.wasmlayout.layout.Layout.PAGE_SIZE;
        boolean usesMemorySize = !f.memoryGrowth().isEmpty();
        return new ModuleNeeds(m.name(), dataSize, dataAlign, f.stack().size(), linkedMemory, m.strategy(), usesMemorySize);
    }
}
