package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteWriter;

/**
 * Representative immediates for every opcode, and a reference encoder written straight against
 * ByteWriter (independent of {@link InstructionWriter}) to produce the bytes the tests decode.
 */
public final class Samples {
    private Samples() {
    }

    /** Lanes of the vector shape an opcode works on ("i16x8.*" has 8); 16 for plain v128. */
    public static int laneCount(Opcode op) {
        String m = op.mnemonic();
        if (op.immediate() == ImmediateKind.MEMARG_LANE) {
            return 16 >> op.naturalAlignment();
        }
        if (m.startsWith("i16x8")) {
            return 8;
        }
        if (m.startsWith("i32x4") || m.startsWith("f32x4")) {
            return 4;
        }
        if (m.startsWith("i64x2") || m.startsWith("f64x2")) {
            return 2;
        }
        return 16;
    }

    public static byte[] sequence(int from, int step) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (from + i * step);
        }
        return b;
    }

    /** An instance of {@code op} with immediates chosen to need multi-byte LEBs where they can. */
    public static Instruction sample(Opcode op) {
        switch (op.immediate()) {
            case NONE:
            case ZERO_BYTE:
                return Instruction.of(op);
            case BLOCK_TYPE:
                return Instruction.of(op, op == Opcode.BLOCK ? -64 : op == Opcode.LOOP ? -1 : 300);
            case LABEL:
                return Instruction.of(op, 200);
            case LABEL_VECTOR:
                return Instruction.brTable(3, 0, 1, 200);
            case FUNC:
                return Instruction.of(op, 1000);
            case TYPE_AND_TABLE:
                return Instruction.of(op, 300, 1);
            case LOCAL:
                return Instruction.of(op, 129);
            case GLOBAL:
            case TABLE:
                return Instruction.of(op, 2);
            case MEMARG:
                return Instruction.memarg(op, op.naturalAlignment(), 0x10000, 0);
            case MEMARG_LANE:
                return Instruction.memargLane(op, op.naturalAlignment(), 8, 0, laneCount(op) - 1);
            case MEMORY:
                return Instruction.of(op, 0);
            case I32:
                return Instruction.of(op, -123456);
            case I64:
                return Instruction.of(op, Long.MIN_VALUE);
            case F32:
                return Instruction.of(op, Float.floatToRawIntBits(1.5f) & 0xffffffffL);
            case F64:
                return Instruction.of(op, 0x7ff4000000000001L); // a NaN with payload
            case V128:
                return Instruction.withBytes(op, sequence(0, 1));
            case SHUFFLE:
                return Instruction.withBytes(op, sequence(31, -1));
            case LANE:
                return Instruction.of(op, laneCount(op) - 1);
            case SELECT_TYPES:
                return Instruction.select((byte) ValueType.V128);
            case HEAP_TYPE:
                return Instruction.of(op, ValueType.EXTERNREF);
            case DATA_AND_MEMORY:
                return Instruction.of(op, 7, 0);
            case DATA:
                return Instruction.of(op, 7);
            case MEMORY_PAIR:
                return Instruction.of(op, 0, 0);
            case ELEM_AND_TABLE:
                return Instruction.of(op, 3, 1);
            case ELEM:
                return Instruction.of(op, 3);
            case TABLE_PAIR:
                return Instruction.of(op, 1, 2);
            case TAG:
                return Instruction.of(op, 130);
            case TRY_TABLE:
                return Instruction.tryTable(300, new byte[] {Instruction.CATCH, Instruction.CATCH_REF, Instruction.CATCH_ALL,
                        Instruction.CATCH_ALL_REF}, 5, 0, 130, 1, 0, 2, 0, 200);
            default:
                throw new AssertionError(op.immediate());
        }
    }

    /** Encodes one instruction the way the binary format spec reads, without InstructionWriter. */
    public static void encode(Instruction insn, ByteWriter w) {
        Opcode op = insn.opcode();
        if (op.prefix() == 0) {
            w.u8(op.code());
        } else {
            w.u8(op.prefix()).u32(op.code());
        }
        long[] v = insn.ints();
        switch (op.immediate()) {
            case NONE:
                return;
            case ZERO_BYTE:
                w.u8(0);
                return;
            case BLOCK_TYPE:
            case I64:
                w.s64(v[0]);
                return;
            case I32:
                w.s32((int) v[0]);
                return;
            case F32:
                w.u32le((int) v[0]);
                return;
            case F64:
                w.u64le(v[0]);
                return;
            case LABEL_VECTOR:
                w.u32(insn.targetCount());
                for (int t : insn.targets()) {
                    w.u32(Integer.toUnsignedLong(t));
                }
                w.u32(v[0]);
                return;
            case MEMARG:
            case MEMARG_LANE:
                if (v[3] != 0) {
                    w.u32(v[0] + 64).u32(v[2]);
                } else {
                    w.u32(v[0]);
                }
                w.u64(v[1]);
                if (v.length == 5) {
                    w.u8((int) v[4]);
                }
                return;
            case LANE:
            case HEAP_TYPE:
                w.u8((int) v[0]);
                return;
            case V128:
            case SHUFFLE:
                w.bytes(insn.bytes());
                return;
            case SELECT_TYPES:
                w.u32(insn.byteCount()).bytes(insn.bytes());
                return;
            case TRY_TABLE: {
                // block type, vec(catch): kind byte, tag index for kinds 0 and 1, label
                w.s64(v[0]).u32(insn.byteCount());
                int[] t = insn.targets();
                for (int i = 0; i < insn.byteCount(); i++) {
                    w.u8(insn.byteAt(i));
                    if (insn.byteAt(i) < 2) {
                        w.u32(Integer.toUnsignedLong(t[2 * i]));
                    }
                    w.u32(Integer.toUnsignedLong(t[2 * i + 1]));
                }
                return;
            }
            default:
                for (long x : v) {
                    w.u32(x);
                }
        }
    }

    public static byte[] encode(Instruction... insns) {
        ByteWriter w = new ByteWriter();
        for (Instruction i : insns) {
            encode(i, w);
        }
        return w.toByteArray();
    }
}
