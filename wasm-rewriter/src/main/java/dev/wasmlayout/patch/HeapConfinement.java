package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.InstructionWriter;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps memory.size and memory.grow inside the module's heap (trap 4). Each module sees a memory
 * that ends where its heap ends: memory.size reads a new global holding that page count, and
 * memory.grow calls a new function that refuses to go past it. wasi-libc's malloc takes
 * [__heap_base, memory.size * 64 KiB) as its first heap and ends with NULL when grow fails.
 */
public final class HeapConfinement implements PatchStep {
    /** The name section's name of the function memory.grow now calls. */
    public static final String GROW = "__wasm_layout_memory_grow";

    HeapConfinement() {
    }

    /** Builds on the bodies earlier steps replaced in the editor; the others are read from the context's bytes. */
    @Override
    public void apply(PatchContext c) {
        ParsedModule m = c.parsed;
        ModuleFacts f = c.facts;
        Placement p = c.placement;
        byte[] out = c.bytes;
        ModuleEditor ed = c.editor;
        Additions additions = c.additions;
        List<byte[]> extraGlobals = c.addedGlobals;
        PatchLog log = c.log;
        if (f.memoryGrowth().isEmpty()) {
            return;
        }
        long pages = p.heapEnd() / WasmModule.PAGE_SIZE;
        int pagesGlobal = m.sections.globalCount() + extraGlobals.size();
        extraGlobals.add(new ByteWriter().u8(ValueType.I32).u8(1).bytes(Encoders.i32ConstExpr(pages)).toByteArray());
        FuncType i32ToI32 = new FuncType(new int[] {ValueType.I32}, new int[] {ValueType.I32});
        int growFunction = additions.function(i32ToI32, growBody(pagesGlobal, pages), GROW);
        TreeSet<Integer> functions = new TreeSet<>();
        for (ModuleFacts.GrowSite s : f.memoryGrowth()) {
            functions.add(s.function());
        }
        for (FunctionBody b : m.sections.bodies) {
            if (!functions.contains(b.index())) {
                continue;
            }
            // an earlier step (pic's renumbering) may have rewritten this body: build on its bytes, not
            // the original's. Renumbering leaves the locals as they were, so the code starts as far in.
            byte[] earlier = ed.replacedBody(b.index());
            byte[] body = earlier != null
                    ? rewriteBody(earlier, 0, b.codeStart() - b.localsStart(), earlier.length, pagesGlobal, growFunction)
                    : rewriteBody(out, b.localsStart(), b.codeStart(), b.end(), pagesGlobal, growFunction);
            ed.replaceBody(b.index(), body);
        }
        log.add("memory.size/memory.grow in " + functions.size() + " function(s) now see a memory ending at the heap end "
                + RelocatePatcher.hex(pages * WasmModule.PAGE_SIZE) + " (" + pages + " pages; global " + pagesGlobal + ", grow function "
                + growFunction + ")");
        if (pages * WasmModule.PAGE_SIZE < p.heapEnd()) {
            log.warn("heap end " + RelocatePatcher.hex(p.heapEnd()) + " is not page aligned: "
                    + (p.heapEnd() - pages * WasmModule.PAGE_SIZE) + " bytes of the heap are out of malloc's reach");
        }
    }

    /**
     * {@code (func (param $n i32) (result i32)} returns the old page count and adds {@code $n} while
     * that stays within the cap, else -1; the unsigned compare against {@code cap - pages} cannot wrap.
     */
    static byte[] growBody(int g, long cap) {
        return CodeEmitter.body()
                .op(Opcode.LOCAL_GET, 0)
                .i32Const(cap).op(Opcode.GLOBAL_GET, g).op(Opcode.I32_SUB)
                .op(Opcode.I32_GT_U)
                .block(Opcode.IF, ValueType.I32)
                .i32Const(-1)
                .op(Opcode.ELSE)
                .op(Opcode.GLOBAL_GET, g) // the old value stays on the stack as the result
                .op(Opcode.GLOBAL_GET, g).op(Opcode.LOCAL_GET, 0).op(Opcode.I32_ADD).op(Opcode.GLOBAL_SET, g) // g = g + n
                .op(Opcode.END)
                .end();
    }

    /**
     * Copies the body held in {@code out} at [localsStart, end) (code from codeStart), replacing
     * memory.size with global.get and memory.grow with a call; all else stays raw.
     */
    private static byte[] rewriteBody(byte[] out, int localsStart, int codeStart, int end, int pagesGlobal, int growFunction) {
        ByteWriter w = new ByteWriter(end - localsStart + 16);
        w.bytes(out, localsStart, codeStart - localsStart);
        ByteReader r = new ByteReader(out, codeStart, end, "code");
        InstructionReader insns = InstructionReader.forFunctionBody(r);
        int copied = codeStart;
        while (insns.hasNext()) {
            Instruction insn = insns.next();
            Opcode op = insn.opcode();
            if (op == Opcode.MEMORY_SIZE || op == Opcode.MEMORY_GROW) {
                w.bytes(out, copied, insn.offset() - copied);
                Instruction now = op == Opcode.MEMORY_SIZE
                        ? Instruction.of(Opcode.GLOBAL_GET, pagesGlobal) : Instruction.of(Opcode.CALL, growFunction);
                InstructionWriter.write(now, w);
                copied = r.pos();
            }
        }
        w.bytes(out, copied, end - copied);
        return w.toByteArray();
    }
}
