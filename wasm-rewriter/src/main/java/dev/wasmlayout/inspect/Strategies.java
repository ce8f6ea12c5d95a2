package dev.wasmlayout.inspect;

import dev.wasmlayout.inspect.ModuleFacts.MemoryFacts;
import dev.wasmlayout.inspect.ModuleFacts.PicFacts;
import dev.wasmlayout.inspect.ModuleFacts.RelocationFacts;
import dev.wasmlayout.inspect.ModuleFacts.Strategy;
import dev.wasmlayout.wasm.ParsedModule;
import java.util.List;

/** Which patch strategies (relocate, pic, placed) can move a module, each with its reason. */
final class Strategies {
    private Strategies() {
    }

    static List<Strategy> decide(MemoryFacts memory, RelocationFacts relocs, PicFacts pic, ParsedModule m) {
        String refusal = refusal(memory);
        return List.of(relocate(refusal, relocs, pic), pic(refusal, pic), placed(refusal, memory, pic, relocs));
    }

    /** Reasons no strategy can work, or null. */
    private static String refusal(MemoryFacts memory) {
        if (memory.memory64()) {
            return "uses memory64, which the shared 32-bit memory cannot hold";
        }
        if (memory.count() > 1) {
            return "uses " + memory.count() + " memories (multi-memory); only one can be shared";
        }
        return null;
    }

    private static Strategy relocate(String refusal, RelocationFacts r, PicFacts pic) {
        if (refusal != null) {
            return new Strategy(PatchStrategy.RELOCATE.word(), false, refusal);
        }
        if (pic.pic()) {
            return new Strategy(PatchStrategy.RELOCATE.word(), false, "position-independent module: use pic");
        }
        if (!r.present()) {
            return new Strategy(PatchStrategy.RELOCATE.word(), false, "no relocations (link with -Wl,--emit-relocs)");
        }
        if (!r.trusted()) {
            return new Strategy(PatchStrategy.RELOCATE.word(), false, r.verdict());
        }
        return new Strategy(PatchStrategy.RELOCATE.word(), true, "linked with --emit-relocs and all " + r.checkedSites()
                + " relocation sites match their symbols");
    }

    private static Strategy pic(String refusal, PicFacts pic) {
        if (refusal != null) {
            return new Strategy(PatchStrategy.PIC.word(), false, refusal);
        }
        if (!pic.pic()) {
            return new Strategy(PatchStrategy.PIC.word(), false, "no dylink.0 section (not linked as position-independent)");
        }
        return new Strategy(PatchStrategy.PIC.word(), true, "position-independent: dylink.0 present"
                + (pic.importsMemoryBase() ? ", imports env.__memory_base" : ", no data (no env.__memory_base import)"));
    }

    private static Strategy placed(String refusal, MemoryFacts memory, PicFacts pic, RelocationFacts r) {
        if (refusal != null) {
            return new Strategy(PatchStrategy.PLACED.word(), false, refusal);
        }
        if (pic.pic()) {
            return new Strategy(PatchStrategy.PLACED.word(), false, "position-independent module: use pic");
        }
        if (!memory.present()) {
            return new Strategy(PatchStrategy.PLACED.word(), true, "uses no memory: nothing to move");
        }
        if (!memory.imported()) {
            return new Strategy(PatchStrategy.PLACED.word(), false, "defines its own memory; rebuild it with the flags"
                    + " `wasm-layout flags` prints (--import-memory, --global-base, ...)");
        }
        return new Strategy(PatchStrategy.PLACED.word(), true, "imports its memory: it can be checked against a plan built with"
                + " `wasm-layout flags`");
    }
}
