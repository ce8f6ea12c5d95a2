package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ImmediateKind;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.function.IntUnaryOperator;

/**
 * Renumbers function and global indices inside function bodies (the wasm-encoder {@code Reencode}
 * identity-hook idea). A body that mentions no renumbered index is left alone so the caller copies it
 * raw; otherwise only the changed indices are re-encoded and every other byte is copied.
 *
 * <p>A new index takes the width of the old one when it fits: wasm-ld writes every relocatable index
 * as a 5-byte padded LEB, so renumbering in place keeps each body's length and every code offset
 * (DWARF stays true). Only an index that outgrows its encoding is written minimally, longer.
 */
final class IndexRemapper {
    private final IntUnaryOperator functions;
    private final IntUnaryOperator globals;

    IndexRemapper(IntUnaryOperator functions, IntUnaryOperator globals) {
        this.functions = functions;
        this.globals = globals;
    }

    /** The new body (locals + code, no size prefix), or null when nothing in it changes. */
    byte[] remap(byte[] bytes, FunctionBody b) {
        ByteWriter w = null;
        int copied = b.localsStart();
        ByteReader r = new ByteReader(bytes, b.codeStart(), b.end(), "code");
        InstructionReader insns = InstructionReader.forFunctionBody(r);
        while (insns.hasNext()) {
            // skip() builds no instruction: only a renumbered index is re-encoded
            int at = r.pos();
            Opcode op = insns.skip();
            ImmediateKind k = op.immediate();
            IntUnaryOperator map = k == ImmediateKind.FUNC ? functions : k == ImmediateKind.GLOBAL ? globals : null;
            if (map == null) {
                continue;
            }
            int old = (int) insns.immediate(0);
            int now = map.applyAsInt(old);
            if (now == old) {
                continue;
            }
            if (w == null) {
                w = new ByteWriter(b.end() - b.localsStart() + 16);
            }
            // the index is the instruction's only immediate: it runs from after the opcode to here
            int index = afterOpcode(bytes, at, r.pos(), op);
            int width = r.pos() - index;
            w.bytes(bytes, copied, index - copied);
            w.u32Padded(now, Math.max(width, ByteWriter.u32Size(now)));
            copied = r.pos();
        }
        if (w == null) {
            return null;
        }
        w.bytes(bytes, copied, b.end() - copied);
        return w.toByteArray();
    }

    /** Where the immediate of the instruction at {@code at} starts (a prefixed opcode has a LEB sub-opcode). */
    private static int afterOpcode(byte[] bytes, int at, int end, Opcode op) {
        ByteReader r = new ByteReader(bytes, at, end, "code");
        r.u8();
        if (op.prefix() != 0) {
            r.u32();
        }
        return r.pos();
    }
}
