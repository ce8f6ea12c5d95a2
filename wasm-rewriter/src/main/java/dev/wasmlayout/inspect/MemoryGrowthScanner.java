package dev.wasmlayout.inspect;

import dev.wasmlayout.inspect.ModuleFacts.GrowSite;
import dev.wasmlayout.wasm.code.Opcode;
import java.util.ArrayList;
import java.util.List;

/** Finds every memory.grow and memory.size: in a shared memory both must stay inside the module's heap. */
final class MemoryGrowthScanner {
    private MemoryGrowthScanner() {
    }

    static List<GrowSite> scan(ParsedModule m) {
        List<GrowSite> out = new ArrayList<>();
        CodeValidator.forEachInstruction(m.module, m.sections, (body, insn) -> {
            if (insn.opcode() == Opcode.MEMORY_GROW || insn.opcode() == Opcode.MEMORY_SIZE) {
                out.add(new GrowSite(insn.opcode().mnemonic(), body.index(), m.functionName(body.index()), insn.offset()));
            }
        });
        return out;
    }
}
