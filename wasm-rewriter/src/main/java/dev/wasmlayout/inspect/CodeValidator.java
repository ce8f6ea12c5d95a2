package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.function.BiConsumer;

/** Decodes every function body, so an unknown opcode or a truncated body is reported on read. */
final class CodeValidator {
    private CodeValidator() {
    }

    static void check(WasmModule module, ModuleSections sections) {
        forEachInstruction(module, sections, (body, insn) -> { });
    }

    /** Visits every instruction of every body in file order. */
    static void forEachInstruction(WasmModule module, ModuleSections sections, BiConsumer<FunctionBody, Instruction> visitor) {
        for (FunctionBody b : sections.bodies) {
            ByteReader r = new ByteReader(module.bytes(), b.codeStart(), b.end(), "code");
            InstructionReader insns = InstructionReader.forFunctionBody(r);
            while (insns.hasNext()) {
                visitor.accept(b, insns.next());
            }
        }
    }
}
