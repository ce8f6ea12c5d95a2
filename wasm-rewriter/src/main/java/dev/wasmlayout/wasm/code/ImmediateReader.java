package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;

/** Decodes the immediates that follow an opcode, in the layout {@link ImmediateKind} documents. */
final class ImmediateReader {
    private ImmediateReader() {
    }

    static Instruction read(Opcode op, int start, ByteReader in) {
        long[] ints = Instruction.NO_INTS;
        byte[] bytes = null;
        int[] targets = null;
        switch (op.immediate()) {
            case NONE:
                break;
            case ZERO_BYTE:
                zeroByte(op, in);
                break;
            case BLOCK_TYPE:
                ints = new long[] {blockType(in)};
                break;
            case LABEL_VECTOR: {
                int n = in.checkCount(in.u32(), 1, "br_table target");
                targets = new int[n];
                for (int i = 0; i < n; i++) {
                    targets[i] = (int) in.u32();
                }
                ints = new long[] {in.u32()};
                break;
            }
            case LABEL:
            case FUNC:
            case LOCAL:
            case GLOBAL:
            case TABLE:
            case MEMORY:
            case DATA:
            case ELEM:
                ints = new long[] {in.u32()};
                break;
            case TYPE_AND_TABLE:
            case DATA_AND_MEMORY:
            case MEMORY_PAIR:
            case ELEM_AND_TABLE:
            case TABLE_PAIR:
                ints = new long[] {in.u32(), in.u32()};
                break;
            case MEMARG:
                ints = new long[4];
                memarg(in, ints);
                break;
            case MEMARG_LANE:
                ints = new long[5];
                memarg(in, ints);
                ints[4] = in.u8();
                break;
            case I32:
                ints = new long[] {in.s32()};
                break;
            case I64:
                ints = new long[] {in.s64()};
                break;
            case F32:
                in.require(4, "f32 constant");
                ints = new long[] {in.u32le() & 0xffffffffL};
                break;
            case F64:
                in.require(8, "f64 constant");
                ints = new long[] {in.u64le()};
                break;
            case V128:
                bytes = in.bytes(16, "v128 constant");
                break;
            case SHUFFLE:
                bytes = in.bytes(16, "shuffle lanes");
                break;
            case LANE:
                ints = new long[] {in.u8()};
                break;
            case SELECT_TYPES:
                bytes = selectTypes(in);
                break;
            case HEAP_TYPE:
                ints = new long[] {heapType(in)};
                break;
            default:
                throw new AssertionError(op.immediate());
        }
        return new Instruction(start, op, ints, bytes, targets);
    }

    /** memarg flags: bits 0-5 the alignment exponent, bit 6 "a memory index follows" (multi-memory). */
    private static void memarg(ByteReader in, long[] out) {
        int at = in.pos();
        long flags = in.u32();
        if (flags >= 128) {
            throw in.malformedAt(at, "memarg flags 0x" + Long.toHexString(flags) + " have bits above 6 set");
        }
        boolean explicit = (flags & 0x40) != 0;
        out[0] = flags & 0x3f;
        out[2] = explicit ? in.u32() : 0;
        out[1] = in.u64();
        out[3] = explicit ? 1 : 0;
    }

    private static long blockType(ByteReader in) {
        int at = in.pos();
        long bt = in.s33();
        // negative block types are single-byte codes: -64 (0x40) or a value type (-1 is 0x7f)
        if (bt < 0 && (bt < -64 || (bt != -64 && !ValueType.isKnown((int) bt + 128)))) {
            throw in.unsupportedAt(at, "block type 0x" + Integer.toHexString(in.array()[at] & 0xff)
                    + " (typed references and GC types are not supported)");
        }
        return bt;
    }

    private static byte[] selectTypes(ByteReader in) {
        int n = in.checkCount(in.u32(), 1, "select type");
        int at = in.pos();
        byte[] types = in.bytes(n, "select types");
        for (int i = 0; i < n; i++) {
            if (!ValueType.isKnown(types[i] & 0xff)) {
                throw in.unsupportedAt(at + i, "value type 0x" + Integer.toHexString(types[i] & 0xff) + " in select");
            }
        }
        return types;
    }

    private static int heapType(ByteReader in) {
        int at = in.pos();
        int b = in.u8();
        if (!ValueType.isReference(b)) {
            throw in.unsupportedAt(at, "heap type 0x" + Integer.toHexString(b) + " (only func and extern are supported)");
        }
        return b;
    }

    private static void zeroByte(Opcode op, ByteReader in) {
        int at = in.pos();
        if (in.u8() != 0) {
            throw in.malformedAt(at, op.mnemonic() + " expects a zero byte");
        }
    }
}
