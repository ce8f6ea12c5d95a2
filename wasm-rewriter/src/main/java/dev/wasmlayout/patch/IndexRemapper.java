package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ImmediateKind;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.InstructionWriter;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.function.IntUnaryOperator;

/**
 * Renumbers function and global indices inside function bodies (the wasm-encoder {@code Reencode}
 * identity-hook idea). A body that mentions no renumbered index is left alone so the caller copies it
 * raw; otherwise only the instructions that change are re-encoded and the bytes between them are copied.
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
            w.bytes(bytes, copied, at - copied);
            InstructionWriter.write(new Instruction(at, op, new long[] {now}, null, null), w);
            copied = r.pos();
        }
        if (w == null) {
            return null;
        }
        w.bytes(bytes, copied, b.end() - copied);
        return w.toByteArray();
    }
}
