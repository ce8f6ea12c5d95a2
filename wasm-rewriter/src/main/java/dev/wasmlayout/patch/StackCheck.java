package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.FunctionBody;

/**
 * Bounds the module's stack in its own code: every {@code global.set} of the stack pointer becomes a
 * call to {@value #SETTER}, which sets the pointer and traps through {@value #OVERFLOW} when the new
 * value lies outside [stack start, stack end]. The compare is unsigned on {@code value - start}, so a
 * pointer that wrapped below address 0 is caught too.
 *
 * <p>wasm-ld writes the global index as a 5-byte padded LEB, as it does the call's function index, so
 * the call takes exactly the bytes of the {@code global.set} and every code offset (DWARF's) stays
 * true. Only where the index was written shorter (after wasm-opt) does the body grow.
 *
 * <p>An update that moves the pointer up by a constant ({@code ...; i32.const c; i32.add; global.set}, c >= 0: the
 * epilogue that frees a frame) cannot overflow and stays as it was: that halves the checks a call costs.
 *
 * <p>The glue is two functions of the module itself (no imports), named in the name section so that a
 * trap's backtrace says what happened. The setter stores the value before it traps: the pointer's
 * global then holds the value that overflowed, for whoever reports the trap.
 */
public final class StackCheck implements PatchStep {
    public static final String SETTER = "__wasm_layout_stack_set";
    public static final String OVERFLOW = "__wasm_layout_stack_overflow";

    StackCheck() {
    }

    /** Checks every update of the context's stack pointer (numbered as the editor's bodies number it). */
    @Override
    public void apply(PatchContext c) {
        ParsedModule m = c.parsed;
        Placement p = c.placement;
        int pointer = c.stackPointer;
        byte[] out = c.bytes;
        ModuleEditor ed = c.editor;
        Additions additions = c.additions;
        PatchLog log = c.log;
        if (!p.stackCheck()) {
            log.add("stack check off (stack-check: false): the stack pointer is not checked");
            return;
        }
        if (pointer < 0 || p.stackHigh() <= p.stackLow()) {
            return; // no stack pointer, or no stack to bound
        }
        int overflow = additions.function(new FuncType(new int[0], new int[0]), CodeEmitter.body().op(Opcode.UNREACHABLE).end(), OVERFLOW);
        int setter = additions.function(new FuncType(new int[] {ValueType.I32}, new int[0]),
                setterBody(pointer, p.stackLow(), p.stackHigh(), overflow), SETTER);
        int sites = 0;
        int grown = 0;
        int up = 0;
        long leafFrame = 0; // the largest frame a function takes without ever setting the pointer
        String leaf = null;
        for (FunctionBody b : m.sections.bodies) {
            byte[] earlier = ed.replacedBody(b.index());
            Rewrite r = earlier != null
                    ? rewrite(earlier, 0, b.codeStart() - b.localsStart(), earlier.length, pointer, setter)
                    : rewrite(out, b.localsStart(), b.codeStart(), b.end(), pointer, setter);
            if (r.sites > 0) {
                ed.replaceBody(b.index(), r.body);
                sites += r.sites;
                grown += r.grown;
            }
            up += r.up;
            if (r.sites == 0 && r.up == 0 && r.frame > leafFrame) {
                leafFrame = r.frame;
                leaf = m.functionName(b.index());
            }
        }
        log.add("stack check: " + sites + " update(s) of the stack pointer (global " + pointer + ") call " + SETTER
                + " (function " + setter + "), which traps through " + OVERFLOW + " (function " + overflow
                + ") outside " + RelocatePatcher.hex(p.stackLow()) + ".." + RelocatePatcher.hex(p.stackHigh())
                + "; " + up + " that free a frame (pointer + constant) stay unchecked"
                + (grown == 0 ? "; every call took the bytes of the global.set it replaced"
                        : "; " + grown + " of them needed more bytes than the global.set (its index was not padded)"));
        if (leaf != null) {
            // such a function uses its frame below the pointer without moving it: nothing can check it, so an
            // overflow there writes up to this many bytes below the stack's start before the next call traps
            log.add("stack check: functions that never move the stack pointer use at most " + leafFrame
                    + " bytes below it unchecked (" + leaf + ")");
        }
    }

    /**
     * {@code (func (param $sp i32) (global.set $sp) (if (i32.gt_u (i32.sub $sp low) (high - low)) (call $overflow)))}.
     */
    static byte[] setterBody(int pointer, long low, long high, int overflow) {
        return CodeEmitter.body()
                .op(Opcode.LOCAL_GET, 0).op(Opcode.GLOBAL_SET, pointer)
                .op(Opcode.LOCAL_GET, 0).i32Const(low).op(Opcode.I32_SUB)
                .i32Const(high - low).op(Opcode.I32_GT_U)
                .block(Opcode.IF, CodeEmitter.NO_RESULT).op(Opcode.CALL, overflow).op(Opcode.END)
                .end();
    }

    /**
     * A rewritten body (null when nothing changed), its rewritten sites, how many of them needed more bytes,
     * the updates left alone because they move the pointer up, and the largest frame it takes below the pointer
     * ({@code global.get $sp; i32.const n; i32.sub}).
     */
    record Rewrite(byte[] body, int sites, int grown, int up, long frame) {
    }

    /** Copies the body at [localsStart, end) (code from codeStart), each global.set of the pointer made a call. */
    static Rewrite rewrite(byte[] in, int localsStart, int codeStart, int end, int pointer, int setter) {
        ByteWriter w = null;
        int copied = localsStart;
        int sites = 0;
        int grown = 0;
        int up = 0;
        ByteReader r = new ByteReader(in, codeStart, end, "code");
        InstructionReader insns = InstructionReader.forFunctionBody(r);
        Opcode last = null; // the instruction before this one, and the one before that with its i32 constant
        Opcode beforeLast = null;
        long lastConstant = 0;
        long beforeLastConstant = 0;
        boolean lastReadPointer = false;
        boolean beforeLastReadPointer = false;
        long frame = 0;
        while (insns.hasNext()) {
            int at = r.pos();
            Opcode op = insns.skip();
            long constant = op == Opcode.I32_CONST ? insns.immediate(0) : 0;
            boolean set = op == Opcode.GLOBAL_SET && insns.immediate(0) == pointer;
            boolean freesFrame = last == Opcode.I32_ADD && beforeLast == Opcode.I32_CONST && beforeLastConstant >= 0;
            if (op == Opcode.I32_SUB && last == Opcode.I32_CONST && beforeLastReadPointer) {
                frame = Math.max(frame, lastConstant);
            }
            beforeLastReadPointer = lastReadPointer;
            lastReadPointer = op == Opcode.GLOBAL_GET && insns.immediate(0) == pointer;
            beforeLast = last;
            beforeLastConstant = lastConstant;
            last = op;
            lastConstant = constant;
            if (!set) {
                continue;
            }
            if (freesFrame) {
                up++;
                continue;
            }
            if (w == null) {
                w = new ByteWriter(end - localsStart + 16);
            }
            int width = r.pos() - at - 1; // the index runs from after the one-byte opcode to here
            int needed = ByteWriter.u32Size(setter);
            w.bytes(in, copied, at - copied);
            w.u8(Opcode.CALL.code()).u32Padded(setter, Math.max(width, needed)); // padded: not the codec's minimal LEB
            copied = r.pos();
            sites++;
            if (needed > width) {
                grown++;
            }
        }
        if (w == null) {
            return new Rewrite(null, 0, 0, up, frame);
        }
        w.bytes(in, copied, end - copied);
        return new Rewrite(w.toByteArray(), sites, grown, up, frame);
    }
}
