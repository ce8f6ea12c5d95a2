package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteWriter;

/**
 * Encodes instructions with minimal LEB128s, so decoding and re-encoding a minimally encoded body
 * gives back the same bytes. The one non-minimal form kept is an explicit memory index 0 in a
 * memarg, because the instruction records that it was there.
 */
public final class InstructionWriter {
    private InstructionWriter() {
    }

    public static byte[] encode(Instruction insn) {
        ByteWriter out = new ByteWriter(16);
        write(insn, out);
        return out.toByteArray();
    }

    public static void writeAll(Iterable<Instruction> insns, ByteWriter out) {
        for (Instruction insn : insns) {
            write(insn, out);
        }
    }

    public static void write(Instruction insn, ByteWriter out) {
        Opcode op = insn.opcode();
        if (op.prefix() != 0) {
            out.u8(op.prefix()).u32(op.code());
        } else {
            out.u8(op.code());
        }
        switch (op.immediate()) {
            case NONE:
                break;
            case ZERO_BYTE:
                out.u8(0);
                break;
            case BLOCK_TYPE:
                out.s64(blockType(insn));
                break;
            case LABEL_VECTOR:
                out.u32(insn.targetCount());
                for (int i = 0; i < insn.targetCount(); i++) {
                    out.u32(insn.target(i));
                }
                u32(out, insn, 0);
                break;
            case MEMARG:
            case MEMARG_LANE:
                memarg(out, insn);
                break;
            case I32:
                out.s32((int) insn.imm(0));
                break;
            case I64:
                out.s64(insn.imm(0));
                break;
            case F32:
                out.u32le((int) insn.imm(0));
                break;
            case F64:
                out.u64le(insn.imm(0));
                break;
            case V128:
            case SHUFFLE:
                out.bytes(insn.bytes());
                break;
            case LANE:
            case HEAP_TYPE:
                out.u8(u8(insn, insn.imm(0)));
                break;
            case SELECT_TYPES:
                out.u32(insn.byteCount());
                out.bytes(insn.bytes());
                break;
            case TRY_TABLE:
                out.s64(blockType(insn));
                out.u32(insn.catchCount());
                for (int i = 0; i < insn.catchCount(); i++) {
                    int kind = insn.catchKind(i);
                    out.u8(kind);
                    if (kind == Instruction.CATCH || kind == Instruction.CATCH_REF) {
                        out.u32(insn.catchTag(i));
                    }
                    out.u32(insn.catchLabel(i));
                }
                break;
            default:
                // every remaining kind is a sequence of u32 indices
                for (int i = 0; i < op.immediate().intCount(); i++) {
                    u32(out, insn, i);
                }
        }
    }

    private static void memarg(ByteWriter out, Instruction insn) {
        long align = insn.alignExponent();
        if (align < 0 || align > 63) {
            throw new IllegalArgumentException(insn.opcode().mnemonic() + ": alignment exponent " + align + " out of range");
        }
        boolean explicit = insn.explicitMemoryIndex() || insn.memoryIndex() != 0;
        out.u32(explicit ? align | 0x40 : align);
        if (explicit) {
            u32(out, insn, 2);
        }
        out.u64(insn.memoryOffset());
        if (insn.opcode().immediate() == ImmediateKind.MEMARG_LANE) {
            out.u8(u8(insn, insn.lane()));
        }
    }

    /** s33: a type index (u32) or a negative single-byte type code. */
    private static long blockType(Instruction insn) {
        long bt = insn.imm(0);
        if (bt < -64 || bt > 0xffffffffL) {
            throw new IllegalArgumentException(insn.opcode().mnemonic() + ": block type " + bt + " is out of range");
        }
        return bt;
    }

    private static int u8(Instruction insn, long v) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException(insn.opcode().mnemonic() + ": immediate " + v + " does not fit a byte");
        }
        return (int) v;
    }

    private static void u32(ByteWriter out, Instruction insn, int i) {
        long v = insn.imm(i);
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException(insn.opcode().mnemonic() + ": immediate " + v + " does not fit a u32");
        }
        out.u32(v);
    }
}
