package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.Feature;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes every function body, so an unknown opcode or a truncated body is reported on read, and
 * refuses {@code memory.init}/{@code data.drop} in a module without a data count section (the spec
 * makes that malformed: a one-pass decoder must know the number of segments before the code).
 */
final class CodeValidator {
    private CodeValidator() {
    }

    /** Sees one instruction: the body it is in, its opcode and the file offset of its first byte. */
    interface OpcodeVisitor {
        void visit(FunctionBody body, Opcode opcode, int offset);
    }

    /** A memory.grow or memory.size: the function index, the opcode and its file offset. */
    record GrowOp(int function, Opcode opcode, int offset) {
    }

    /** What the pass over the code found: memory.grow/memory.size sites and exception-handling instructions. */
    record Findings(List<GrowOp> growOps, ExceptionUse exceptions) {
    }

    /**
     * Checks every body and returns where memory.grow and memory.size occur and which
     * exception-handling instructions it uses, so inspection does not have to decode the code a
     * second time to find them.
     */
    static Findings check(WasmModule module, ModuleSections sections) {
        List<GrowOp> grow = new ArrayList<>();
        ExceptionUse exceptions = new ExceptionUse();
        forEachOpcode(module, sections, (body, op, offset) -> {
            if ((op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP) && sections.dataCount < 0) {
                throw WasmException.malformed(offset, "code", "data count section required (" + op.mnemonic()
                        + " in function " + body.index() + ")");
            }
            if (op == Opcode.MEMORY_GROW || op == Opcode.MEMORY_SIZE) {
                grow.add(new GrowOp(body.index(), op, offset));
            } else if (op.feature() == Feature.EXCEPTION_HANDLING || op.feature() == Feature.LEGACY_EXCEPTION_HANDLING) {
                exceptions.record(body.index(), op, offset);
            }
        });
        return new Findings(Collections.unmodifiableList(grow), exceptions);
    }

    /**
     * Visits every instruction of every body in file order, with the reader's checks but without
     * building the instructions: this runs over all the code of the module on every parse.
     */
    static void forEachOpcode(WasmModule module, ModuleSections sections, OpcodeVisitor visitor) {
        for (FunctionBody b : sections.bodies) {
            ByteReader r = new ByteReader(module.bytes(), b.codeStart(), b.end(), "code");
            InstructionReader insns = InstructionReader.forFunctionBody(r);
            while (insns.hasNext()) {
                int at = r.pos();
                visitor.visit(b, insns.skip(), at);
            }
        }
    }
}
