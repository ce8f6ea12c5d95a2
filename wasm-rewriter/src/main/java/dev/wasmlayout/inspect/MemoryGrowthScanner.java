package dev.wasmlayout.inspect;

import dev.wasmlayout.inspect.ModuleFacts.GrowSite;
import java.util.ArrayList;
import java.util.List;

/** Finds every memory.grow and memory.size: in a shared memory both must stay inside the module's heap. */
final class MemoryGrowthScanner {
    private MemoryGrowthScanner() {
    }

    static List<GrowSite> scan(ParsedModule m) {
        List<GrowSite> out = new ArrayList<>();
        for (CodeValidator.GrowOp g : m.growOps) { // found by the parse's pass over the code
            out.add(new GrowSite(g.opcode().mnemonic(), g.function(), m.functionName(g.function()), g.offset()));
        }
        return out;
    }
}
