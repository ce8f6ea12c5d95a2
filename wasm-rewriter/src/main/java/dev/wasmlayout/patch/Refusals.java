package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;

/** Modules no strategy can place in a shared 32-bit memory, refused with the reason. */
final class Refusals implements PatchStep {
    @Override
    public void apply(PatchContext c) {
        common(c.parsed, c.facts);
    }

    static void common(ParsedModule m, ModuleFacts f) {
        if (m.module.custom(PatchRecord.SECTION).isPresent()) {
            throw new PatchException("already patched by wasm-layout (it has a '" + PatchRecord.SECTION
                    + "' section): patch the original module instead");
        }
        if (f.memory().memory64()) {
            throw new PatchException("uses memory64; the shared memory is 32-bit");
        }
        if (f.memory().count() > 1) {
            throw new PatchException("uses " + f.memory().count() + " memories (multi-memory); only one can be shared");
        }
        if (f.memory().shared()) {
            throw new PatchException("declares a shared (threads) memory, which wasm-layout does not place yet");
        }
        if (m.functionIndex("__wasm_init_memory") >= 0) {
            throw new PatchException("initialises memory through __wasm_init_memory (passive segments), which"
                    + " wasm-layout cannot move yet; link without shared memory / bulk-memory TLS");
        }
    }
}
