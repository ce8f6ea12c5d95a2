package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.sections.ModuleSections;

/** Decodes every function body once, so an unknown opcode or truncated body is reported on read. */
final class CodeValidator {
    private CodeValidator() {
    }

    static void check(WasmModule module, ModuleSections sections) {
        // filled in with the instruction decoder
    }
}
