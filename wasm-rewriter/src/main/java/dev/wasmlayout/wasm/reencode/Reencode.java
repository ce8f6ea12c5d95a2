package dev.wasmlayout.wasm.reencode;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ImmediateKind;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The one way the project renumbers a module's indices (wasm-encoder's {@code Reencode}): a hook per
 * index space (types, functions, tables, memories, globals, data, elements, tags), identity unless
 * set, applied alike to function bodies, constant expressions, element and data segments, exports,
 * start and names.
 *
 * <p>A body or expression that mentions no changed index is left to the caller to copy raw (methods
 * return null). In one that does, only the changed indices are re-encoded and every other byte is
 * copied. A new index takes the width of the old one when it fits: wasm-ld writes every relocatable
 * index as a 5-byte padded LEB, so renumbering keeps each body's length and every code offset (DWARF
 * stays true). Only an index that outgrows its encoding is written minimally, longer.
 */
public final class Reencode {
    /** Index spaces, in the order of the hooks. */
    public enum Space { TYPE, FUNCTION, TABLE, MEMORY, GLOBAL, DATA, ELEMENT, TAG }

    private static final IntUnaryOperator SAME = i -> i;
    private final IntUnaryOperator[] hooks = new IntUnaryOperator[Space.values().length];
    private boolean minimalCallTables;

    public Reencode() {
        java.util.Arrays.fill(hooks, SAME);
    }

    /** Sets the hook of one index space (old index to new index). */
    public Reencode with(Space space, IntUnaryOperator hook) {
        hooks[space.ordinal()] = hook;
        return this;
    }

    public Reencode types(IntUnaryOperator h) {
        return with(Space.TYPE, h);
    }

    public Reencode functions(IntUnaryOperator h) {
        return with(Space.FUNCTION, h);
    }

    public Reencode tables(IntUnaryOperator h) {
        return with(Space.TABLE, h);
    }

    public Reencode memories(IntUnaryOperator h) {
        return with(Space.MEMORY, h);
    }

    public Reencode globals(IntUnaryOperator h) {
        return with(Space.GLOBAL, h);
    }

    public Reencode data(IntUnaryOperator h) {
        return with(Space.DATA, h);
    }

    public Reencode elements(IntUnaryOperator h) {
        return with(Space.ELEMENT, h);
    }

    /** Tags (exception handling): throw, the legacy catch and try_table's catch/catch_ref clauses name one. */
    public Reencode tags(IntUnaryOperator h) {
        return with(Space.TAG, h);
    }

    /**
     * Writes the table index of every {@code call_indirect} (and {@code return_call_indirect}) in its
     * one-byte form, changed or not. wasm-ld pads it to 5 bytes ({@code R_WASM_TABLE_NUMBER_LEB}); a runtime
     * built without reference types (WAMR without CALL_INDIRECT_OVERLONG, MVP engines) reads that byte as
     * a reserved zero and refuses anything else. The body gets shorter, so only for output without DWARF.
     */
    public Reencode minimalCallTables() {
        this.minimalCallTables = true;
        return this;
    }

    /** The new index of {@code old} in {@code space}. */
    public int map(Space space, int old) {
        return hooks[space.ordinal()].applyAsInt(old);
    }

    public int function(int old) {
        return map(Space.FUNCTION, old);
    }

    public int global(int old) {
        return map(Space.GLOBAL, old);
    }

    /** A name map (function or global names) with its keys renumbered; entries whose new index is negative are dropped. */
    public Map<Integer, String> names(Space space, Map<Integer, String> names) {
        Map<Integer, String> out = new TreeMap<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            int now = map(space, e.getKey());
            if (now >= 0) {
                out.put(now, e.getValue());
            }
        }
        return out;
    }

    /** The new body (locals + code, no size prefix), or null when nothing in it changes. */
    public byte[] body(byte[] bytes, FunctionBody b) {
        return body(bytes, b.localsStart(), b.codeStart(), b.end());
    }

    /** As {@link #body(byte[], FunctionBody)} for a body at [localsStart, end) whose code starts at codeStart. */
    public byte[] body(byte[] bytes, int localsStart, int codeStart, int end) {
        ByteReader r = new ByteReader(bytes, codeStart, end, "code");
        return rewrite(bytes, localsStart, r, InstructionReader.forFunctionBody(r), end);
    }

    /**
     * A constant expression at [start, ...) renumbered into {@code w}; returns where it ended in
     * {@code bytes}. Unchanged expressions are copied raw.
     */
    public int constExpr(byte[] bytes, int start, int limit, ByteWriter w) {
        // find the end first so the rewrite has a window
        ByteReader probe = new ByteReader(bytes, start, limit, "constant expression");
        InstructionReader p = InstructionReader.forConstExpr(probe);
        while (p.hasNext()) {
            p.skip();
        }
        int end = probe.pos();
        byte[] changed = rewrite(bytes, start, new ByteReader(bytes, start, end, "constant expression"), null, end);
        if (changed == null) {
            w.bytes(bytes, start, end - start);
        } else {
            w.bytes(changed);
        }
        return end;
    }

    /**
     * One element segment as it is in {@code bytes}, its table, offset and items renumbered. A
     * segment for table 0 written without a table index gets one when the table hook moves it.
     */
    public void element(byte[] bytes, ElementSegment e, ByteWriter w) {
        ByteReader r = new ByteReader(bytes, e.start(), e.end(), "element");
        int flags = (int) r.u32();
        boolean active = (flags & 1) == 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean exprs = (flags & 4) != 0;
        int table = active && explicitTable ? (int) r.u32() : 0;
        int newTable = active ? map(Space.TABLE, table) : 0;
        if (active && !explicitTable && newTable != 0) {
            w.u32(flags | 2).u32(newTable);
        } else {
            w.u32(flags);
            if (active && explicitTable) {
                w.u32(newTable);
            }
        }
        if (active) {
            r.seek(constExpr(bytes, r.pos(), e.end(), w));
        }
        if (explicitTable || !active) {
            w.u8(r.u8()); // element kind or reference type
        } else if (newTable != 0) {
            w.u8(exprs ? 0x70 : 0x00); // the form with a table index also names the kind
        }
        long n = r.u32();
        w.u32(n);
        for (long k = 0; k < n; k++) {
            if (exprs) {
                r.seek(constExpr(bytes, r.pos(), e.end(), w));
            } else {
                w.u32(function((int) r.u32()));
            }
        }
    }

    /** One data segment as it is in {@code bytes}, its memory and offset expression renumbered. */
    public void data(byte[] bytes, DataSegment d, ByteWriter w) {
        if (!d.active()) {
            w.bytes(bytes, d.start(), d.end() - d.start());
            return;
        }
        int memory = map(Space.MEMORY, d.memoryIndex());
        if (memory == 0) {
            w.u8(0);
        } else {
            w.u8(2).u32(memory);
        }
        constExpr(bytes, d.offset().start(), d.offset().end(), w);
        w.u32(d.length()).bytes(bytes, d.dataStart(), d.length());
    }

    /**
     * Walks the instructions and re-encodes those whose indices change; null when none does. The
     * result starts with bytes[copyFrom, r.pos()) (a body's locals) and ends at {@code end}.
     */
    private byte[] rewrite(byte[] bytes, int copyFrom, ByteReader r, InstructionReader insns, int end) {
        if (insns == null) {
            insns = InstructionReader.forConstExpr(r);
        }
        ByteWriter w = null;
        int copied = copyFrom;
        while (insns.hasNext()) {
            int at = r.pos();
            Opcode op = insns.skip(); // builds no instruction: only changed indices are re-encoded
            if (!changes(op.immediate(), insns, bytes, at, r.pos()) && !paddedCallTable(op, bytes, r.pos())) {
                continue;
            }
            if (w == null) {
                w = new ByteWriter(end - copyFrom + 16);
            }
            int imm = afterOpcode(bytes, at, r.pos(), op);
            w.bytes(bytes, copied, imm - copied);
            reencodeImmediates(op.immediate(), new ByteReader(bytes, imm, r.pos(), "code"), w);
            copied = r.pos();
        }
        if (w == null) {
            return null;
        }
        w.bytes(bytes, copied, end - copied);
        return w.toByteArray();
    }

    /** Whether the instruction at [at, end), just skipped by {@code insns}, names an index that moves. */
    private boolean changes(ImmediateKind k, InstructionReader insns, byte[] bytes, int at, int end) {
        switch (k) {
            case FUNC: return moves(Space.FUNCTION, insns.immediate(0));
            case GLOBAL: return moves(Space.GLOBAL, insns.immediate(0));
            case TABLE: return moves(Space.TABLE, insns.immediate(0));
            case MEMORY: return moves(Space.MEMORY, insns.immediate(0));
            case DATA: return moves(Space.DATA, insns.immediate(0));
            case ELEM: return moves(Space.ELEMENT, insns.immediate(0));
            case TYPE_AND_TABLE: return moves(Space.TYPE, insns.immediate(0)) || moves(Space.TABLE, insns.immediate(1));
            case DATA_AND_MEMORY: return moves(Space.DATA, insns.immediate(0)) || moves(Space.MEMORY, insns.immediate(1));
            case MEMORY_PAIR: return moves(Space.MEMORY, insns.immediate(0)) || moves(Space.MEMORY, insns.immediate(1));
            case ELEM_AND_TABLE: return moves(Space.ELEMENT, insns.immediate(0)) || moves(Space.TABLE, insns.immediate(1));
            case TABLE_PAIR: return moves(Space.TABLE, insns.immediate(0)) || moves(Space.TABLE, insns.immediate(1));
            case BLOCK_TYPE: return insns.immediate(0) >= 0 && moves(Space.TYPE, insns.immediate(0));
            case TAG: return moves(Space.TAG, insns.immediate(0));
            case TRY_TABLE: return insns.immediate(0) >= 0 && moves(Space.TYPE, insns.immediate(0))
                    || clauseTagMoves(new ByteReader(bytes, afterOpcode(bytes, at, end, Opcode.TRY_TABLE), end, "code"));
            case MEMARG:
            case MEMARG_LANE: return moves(Space.MEMORY, insns.immediate(2));
            default: return false;
        }
    }

    /** Whether a catch or catch_ref clause of the try_table whose immediates {@code r} holds names a tag that moves. */
    private boolean clauseTagMoves(ByteReader r) {
        r.s33();
        long n = r.u32();
        for (long c = 0; c < n; c++) {
            if (r.u8() < CATCH_ALL && moves(Space.TAG, r.u32())) {
                return true;
            }
            r.u32(); // label
        }
        return false;
    }

    /** try_table's clause kinds from here on (catch_all, catch_all_ref) name no tag. */
    private static final int CATCH_ALL = 2;

    /** A call_indirect whose table index takes more than one byte (its last byte follows a continuation byte). */
    private boolean paddedCallTable(Opcode op, byte[] bytes, int end) {
        return minimalCallTables && op.immediate() == ImmediateKind.TYPE_AND_TABLE && (bytes[end - 2] & 0x80) != 0;
    }

    private boolean moves(Space s, long old) {
        return map(s, (int) old) != old;
    }

    /** Re-encodes the immediates in {@code r} (from the first to the last byte) into {@code w}. */
    private void reencodeImmediates(ImmediateKind k, ByteReader r, ByteWriter w) {
        switch (k) {
            case FUNC: index(Space.FUNCTION, r, w); break;
            case GLOBAL: index(Space.GLOBAL, r, w); break;
            case TABLE: index(Space.TABLE, r, w); break;
            case MEMORY: index(Space.MEMORY, r, w); break;
            case DATA: index(Space.DATA, r, w); break;
            case ELEM: index(Space.ELEMENT, r, w); break;
            case TYPE_AND_TABLE:
                index(Space.TYPE, r, w);
                if (minimalCallTables) {
                    w.u32(map(Space.TABLE, (int) r.u32()) & 0xffffffffL);
                } else {
                    index(Space.TABLE, r, w);
                }
                break;
            case DATA_AND_MEMORY: index(Space.DATA, r, w); index(Space.MEMORY, r, w); break;
            case MEMORY_PAIR: index(Space.MEMORY, r, w); index(Space.MEMORY, r, w); break;
            case ELEM_AND_TABLE: index(Space.ELEMENT, r, w); index(Space.TABLE, r, w); break;
            case TABLE_PAIR: index(Space.TABLE, r, w); index(Space.TABLE, r, w); break;
            case BLOCK_TYPE: blockType(r, w); break;
            case TAG: index(Space.TAG, r, w); break;
            case TRY_TABLE: {
                blockType(r, w);
                long n = r.u32();
                w.u32(n);
                for (long c = 0; c < n; c++) {
                    int kind = r.u8();
                    w.u8(kind);
                    if (kind < CATCH_ALL) {
                        index(Space.TAG, r, w);
                    }
                    int label = r.pos();
                    r.u32();
                    w.bytes(r.array(), label, r.pos() - label); // labels are relative: copied as they are
                }
                break;
            }
            case MEMARG:
            case MEMARG_LANE: {
                int at = r.pos();
                long flags = r.u32();
                int flagWidth = r.pos() - at;
                int memory;
                int memWidth = 1;
                if ((flags & 0x40) != 0) {
                    int m = r.pos();
                    memory = (int) r.u32();
                    memWidth = r.pos() - m;
                } else {
                    memory = 0;
                }
                int now = map(Space.MEMORY, memory);
                long newFlags = now == 0 ? flags & ~0x40L : flags | 0x40;
                w.u32Padded(newFlags, Math.max(flagWidth, ByteWriter.u32Size(newFlags)));
                if (now != 0) {
                    w.u32Padded(now, Math.max(memWidth, ByteWriter.u32Size(now)));
                }
                w.bytes(r.array(), r.pos(), r.limit() - r.pos()); // offset (and lane) unchanged
                break;
            }
            default:
                throw new IllegalStateException(k + " has no index");
        }
    }

    /** A block type: a type index (multi-value) renumbered in at least its old width; an empty or value type copied. */
    private void blockType(ByteReader r, ByteWriter w) {
        int at = r.pos();
        long t = r.s33();
        if (t < 0) {
            w.bytes(r.array(), at, r.pos() - at);
        } else {
            writeS33(w, map(Space.TYPE, (int) t), r.pos() - at);
        }
    }

    private void index(Space s, ByteReader r, ByteWriter w) {
        int at = r.pos();
        long old = r.u32();
        int width = r.pos() - at;
        int now = map(s, (int) old);
        w.u32Padded(now & 0xffffffffL, Math.max(width, ByteWriter.u32Size(now & 0xffffffffL)));
    }

    /** A non-negative s33 (a block's type index) in at least {@code width} bytes. */
    private static void writeS33(ByteWriter w, long v, int width) {
        int minimal = 1;
        for (long x = v >> 6; x != 0; x >>= 7) {
            minimal++;
        }
        int n = Math.max(width, minimal);
        for (int i = 1; i < n; i++) {
            w.u8((int) ((v & 0x7f) | 0x80));
            v >>= 7;
        }
        w.u8((int) (v & 0x7f));
    }

    /** Where the immediates of the instruction at {@code at} start (a prefixed opcode has a LEB sub-opcode). */
    private static int afterOpcode(byte[] bytes, int at, int end, Opcode op) {
        ByteReader r = new ByteReader(bytes, at, end, "code");
        r.u8();
        if (op.prefix() != 0) {
            r.u32();
        }
        return r.pos();
    }
}
