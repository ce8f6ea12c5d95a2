package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;

/**
 * A dynamic loader calls a PIC module's {@code __wasm_apply_data_relocs} (pointers inside its data)
 * and then {@code __wasm_call_ctors}. With no loader left, a start function does it at instantiation.
 */
final class StartFunction implements PatchStep {
    @Override
    public void apply(PatchContext c) {
        add(c.parsed, c.editor, c.additions, c.log);
    }

    static void add(ParsedModule m, ModuleEditor ed, Additions additions, PatchLog log) {
        int relocs = exportedFunction(m, "__wasm_apply_data_relocs");
        boolean reactor = exportedFunction(m, "_initialize") >= 0 || exportedFunction(m, "_start") >= 0;
        int ctors = reactor ? -1 : exportedFunction(m, "__wasm_call_ctors");
        if (relocs < 0 && ctors < 0) {
            return;
        }
        CodeEmitter body = CodeEmitter.body();
        if (m.sections.start >= 0) {
            body.op(Opcode.CALL, m.sections.start);
        }
        if (relocs >= 0) {
            body.op(Opcode.CALL, relocs);
        }
        if (ctors >= 0) {
            body.op(Opcode.CALL, ctors);
        }
        int f = additions.function(new FuncType(new int[0], new int[0]), body.end());
        ed.setStandard(SectionIds.START, new ByteWriter().u32(f).toByteArray());
        log.add("start function " + f + " calls" + (relocs >= 0 ? " __wasm_apply_data_relocs" : "")
                + (ctors >= 0 ? " __wasm_call_ctors" : "") + " (no dynamic loader will)");
    }

    private static int exportedFunction(ParsedModule m, String name) {
        return m.sections.exportedIndex(ExternalKind.FUNC, name);
    }
}
