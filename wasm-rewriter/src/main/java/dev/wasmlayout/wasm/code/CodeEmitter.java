package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteWriter;

/**
 * Writes the code of a function body instruction by instruction through {@link InstructionWriter}
 * (minimal LEB128s), for the small functions and constant expressions the patches add.
 */
public final class CodeEmitter {
    /** The block type of a block that leaves nothing on the stack. */
    public static final int NO_RESULT = 0x40;

    private final ByteWriter out;

    private CodeEmitter(ByteWriter out) {
        this.out = out;
    }

    /** A function body with no locals; {@link #end()} closes it. */
    public static CodeEmitter body() {
        CodeEmitter c = new CodeEmitter(new ByteWriter());
        c.out.u32(0);
        return c;
    }

    /** Instructions alone, e.g. a constant expression; {@link #end()} closes it. */
    public static CodeEmitter expression() {
        return new CodeEmitter(new ByteWriter(8));
    }

    /** An instruction whose immediates are all numbers (indices, constants). */
    public CodeEmitter op(Opcode op, long... immediates) {
        InstructionWriter.write(Instruction.of(op, immediates), out);
        return this;
    }

    /** block, loop or if with a value type ({@link ValueType}) as its result, or {@link #NO_RESULT}. */
    public CodeEmitter block(Opcode op, int resultType) {
        return op(op, resultType - 0x80); // a one-byte block type is that byte as a negative s33
    }

    public CodeEmitter i32Const(long value) {
        return op(Opcode.I32_CONST, (int) value);
    }

    /** The instructions for the zero (or null reference) of a value type. */
    public CodeEmitter zero(int valueType) {
        switch (valueType) {
            case ValueType.I32: return op(Opcode.I32_CONST, 0);
            case ValueType.I64: return op(Opcode.I64_CONST, 0);
            case ValueType.F32: return op(Opcode.F32_CONST, 0);
            case ValueType.F64: return op(Opcode.F64_CONST, 0);
            case ValueType.V128:
                InstructionWriter.write(Instruction.withBytes(Opcode.V128_CONST, new byte[16]), out);
                return this;
            default: return op(Opcode.REF_NULL, valueType);
        }
    }

    /** Writes the final {@code end} and returns the bytes. */
    public byte[] end() {
        op(Opcode.END);
        return out.toByteArray();
    }
}
