package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;

/** Decodes the immediates that follow an opcode, in the layout {@link ImmediateKind} documents. */
final class ImmediateReader {
    /** try_table catch clause kinds 2 and 3 (catch_all, catch_all_ref) have no tag index. */
    private static final int CATCH_ALL = 2;
    private static final int CATCH_ALL_REF = 3;

    private ImmediateReader() {
    }

    static Instruction read(Opcode op, int start, ByteReader in) {
        return decode(op, start, in, null);
    }

    /**
     * Reads past the immediates with exactly the checks {@link #read} makes, without building the
     * instruction: {@code scratch} (at least 5 longs) takes the integers of the common kinds.
     */
    static void skip(Opcode op, ByteReader in, long[] scratch) {
        decode(op, -1, in, scratch);
    }

    /** Builds the instruction when {@code scratch} is null, else only reads and checks. */
    private static Instruction decode(Opcode op, int start, ByteReader in, long[] scratch) {
        ImmediateKind kind = op.immediate();
        boolean keep = scratch == null;
        long[] ints = kind.intCount() == 0 ? Instruction.NO_INTS : keep ? new long[kind.intCount()] : scratch;
        byte[] bytes = null;
        int[] targets = null;
        switch (kind) {
            case NONE:
                break;
            case ZERO_BYTE:
                zeroByte(op, in);
                break;
            case BLOCK_TYPE:
                ints[0] = blockType(in);
                break;
            case LABEL_VECTOR: {
                int n = in.checkCount(in.u32(), 1, "br_table target");
                if (keep) {
                    targets = new int[n];
                }
                for (int i = 0; i < n; i++) {
                    int t = (int) in.u32();
                    if (keep) {
                        targets[i] = t;
                    }
                }
                ints[0] = in.u32();
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
            case TAG:
                ints[0] = in.u32();
                break;
            case TRY_TABLE: {
                ints[0] = blockType(in);
                // a clause is at least a kind byte and a label
                int n = in.checkCount(in.u32(), 2, "try_table catch clause");
                if (keep) {
                    bytes = new byte[n];
                    targets = new int[2 * n];
                }
                for (int i = 0; i < n; i++) {
                    int at = in.pos();
                    int catchKind = in.u8();
                    if (catchKind > CATCH_ALL_REF) {
                        throw in.malformedAt(at, "try_table catch kind 0x" + Integer.toHexString(catchKind) + " is not 0-3");
                    }
                    int tag = catchKind < CATCH_ALL ? (int) in.u32() : 0;
                    int label = (int) in.u32();
                    if (keep) {
                        bytes[i] = (byte) catchKind;
                        targets[2 * i] = tag;
                        targets[2 * i + 1] = label;
                    }
                }
                break;
            }
            case TYPE_AND_TABLE:
            case DATA_AND_MEMORY:
            case MEMORY_PAIR:
            case ELEM_AND_TABLE:
            case TABLE_PAIR:
                ints[0] = in.u32();
                ints[1] = in.u32();
                break;
            case MEMARG:
                memarg(in, ints);
                break;
            case MEMARG_LANE:
                memarg(in, ints);
                ints[4] = in.u8();
                break;
            case I32:
                ints[0] = in.s32();
                break;
            case I64:
                ints[0] = in.s64();
                break;
            case F32:
                in.require(4, "f32 constant");
                ints[0] = in.u32le() & 0xffffffffL;
                break;
            case F64:
                in.require(8, "f64 constant");
                ints[0] = in.u64le();
                break;
            case V128:
                bytes = in.bytes(16, "v128 constant");
                break;
            case SHUFFLE:
                bytes = in.bytes(16, "shuffle lanes");
                break;
            case LANE:
                ints[0] = in.u8();
                break;
            case SELECT_TYPES:
                bytes = selectTypes(in);
                break;
            case HEAP_TYPE:
                ints[0] = heapType(in);
                break;
            default:
                throw new AssertionError(kind);
        }
        return keep ? new Instruction(start, op, ints, bytes, targets) : null;
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
            throw in.unsupportedAt(at, "heap type 0x" + Integer.toHexString(b) + " (only func, extern and exn are supported)");
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
