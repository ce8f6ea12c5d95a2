package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.Samples;
import java.util.List;

/** One function body: local declarations and the expression; {@link #body()} appends the final end. */
public final class FunctionBuilder {
    private final ByteWriter locals = new ByteWriter();
    private int localGroups;
    private final ByteWriter code = new ByteWriter();

    public FunctionBuilder local(int count, int type) {
        locals.u32(count).u8(type);
        localGroups++;
        return this;
    }

    public FunctionBuilder op(Opcode op, long... ints) {
        return add(Instruction.of(op, ints));
    }

    public FunctionBuilder add(Instruction insn) {
        Samples.encode(insn, code);
        return this;
    }

    public FunctionBuilder addAll(List<Instruction> insns) {
        insns.forEach(this::add);
        return this;
    }

    /** Raw bytes, for the padded LEBs linkers leave at relocation sites. */
    public FunctionBuilder raw(byte[] bytes) {
        code.bytes(bytes);
        return this;
    }

    /** Where the next byte of the expression goes, counted from the expression's start. */
    public int position() {
        return code.size();
    }

    int localsSize() {
        return new ByteWriter().u32(localGroups).size() + locals.size();
    }

    public byte[] body() {
        ByteWriter w = new ByteWriter().u32(localGroups);
        w.bytes(locals.toByteArray());
        w.bytes(code.toByteArray());
        return w.u8(0x0b).toByteArray();
    }
}
