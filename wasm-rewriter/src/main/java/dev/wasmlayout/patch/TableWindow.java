package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.Limits;
import dev.wasmlayout.wasm.sections.TableType;

/**
 * The function-table entries a module fills, [first, end) in its own table (wasm-ld puts them from
 * index 1, a PIC module from its {@code __table_base}, counted here as 0), and moving them: in a
 * fused module every module's entries get a window of their own in the one table, so its element
 * segments and every function pointer (the {@code R_WASM_TABLE_INDEX_*} sites) move by the same base.
 */
public record TableWindow(long first, long end) {
    public static final TableWindow EMPTY = new TableWindow(0, 0);

    public long size() {
        return end - first;
    }

    /** The window of a module as linked; a non-PIC module whose active segments have no constant offset is refused. */
    public static TableWindow of(ParsedModule m) {
        long first = Long.MAX_VALUE;
        long end = 0;
        for (ElementSegment e : m.sections.elements) {
            if (!e.active()) {
                continue;
            }
            long at;
            if (e.offset().value().isPresent()) {
                at = e.offset().value().getAsLong() & 0xffffffffL;
            } else if (m.dylink != null && e.offset().globalGet() >= 0) {
                at = 0; // global.get __table_base
            } else {
                throw new PatchException("element segment " + e.index() + " has an offset that is not constant");
            }
            long n = e.functionIndices() != null ? e.functionIndices().length : e.expressionCount();
            first = Math.min(first, at);
            end = Math.max(end, at + n);
        }
        if (m.dylink != null) {
            return m.dylink.tableSize() == 0 && end == 0 ? EMPTY : new TableWindow(0, Math.max(end, m.dylink.tableSize()));
        }
        return end == 0 ? EMPTY : new TableWindow(first, end);
    }

    /** Moves the function pointers in code and data (in place) by the placement's table base. */
    static final class MoveSites implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            int sites = moveSites(c.parsed, c.placement.tableBase(), c.bytes);
            if (sites > 0) {
                c.log.add("moved " + sites + " function pointers (table-index sites) by " + c.placement.tableBase());
            }
        }
    }

    /** Moves the element segments (and grows the table) by the placement's table base. */
    static final class MoveElements implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            moveElements(c.parsed, c.placement.tableBase(), c.bytes, c.editor, c.log);
        }
    }

    /** Adds {@code base} to every absolute table-index site in the code and data of {@code out}; returns how many. */
    static int moveSites(ParsedModule m, long base, byte[] out) {
        if (base == 0) {
            return 0;
        }
        int[] count = {0};
        RelocatePatcher.forEachSite(m, (at, r) -> {
            RelocType t = r.type();
            if (t != RelocType.TABLE_INDEX_SLEB && t != RelocType.TABLE_INDEX_I32
                    && t != RelocType.TABLE_INDEX_SLEB64 && t != RelocType.TABLE_INDEX_I64) {
                return; // the REL forms are relative to __table_base: they keep their meaning
            }
            switch (t.site) {
                case SLEB5:
                    ByteWriter.writePaddedS32(out, at, new ByteReader(out, at, at + 5, "code").s32() + (int) base);
                    break;
                case SLEB10:
                    ByteWriter.writePaddedS64(out, at, new ByteReader(out, at, at + 10, "code").s64() + base);
                    break;
                case I32:
                    RelocatePatcher.writeSite(out, at, t, (new ByteReader(out, at, at + 4, "data").u32le() & 0xffffffffL) + base);
                    break;
                default:
                    long v = new ByteReader(out, at, at + 8, "data").u64le() + base;
                    for (int i = 0; i < 8; i++) {
                        out[at + i] = (byte) (v >>> (8 * i));
                    }
                    break;
            }
            count[0]++;
        });
        return count[0];
    }

    /** Moves the constant offsets of the active element segments by {@code base} and grows the defined table to hold them. */
    static void moveElements(ParsedModule m, long base, byte[] bytes, ModuleEditor ed, PatchLog log) {
        if (base == 0 || m.sections.elements.isEmpty()) {
            return;
        }
        ByteWriter w = new ByteWriter();
        w.u32(m.sections.elements.size());
        for (ElementSegment e : m.sections.elements) {
            if (!e.active()) {
                w.bytes(bytes, e.start(), e.end() - e.start());
                continue;
            }
            long at = e.offset().value().orElseThrow(() -> new PatchException(
                    "element segment " + e.index() + " has an offset that is not constant"));
            w.bytes(bytes, e.start(), e.offset().start() - e.start());
            w.bytes(Encoders.i32ConstExpr(at + base));
            w.bytes(bytes, e.offset().end(), e.end() - e.offset().end());
        }
        ed.setStandard(SectionIds.ELEMENT, w.toByteArray());
        if (!m.sections.tables.isEmpty()) {
            ByteWriter t = new ByteWriter().u32(m.sections.tables.size());
            for (int i = 0; i < m.sections.tables.size(); i++) {
                TableType tt = m.sections.tables.get(i);
                Limits l = tt.limits();
                Limits grown = i == 0 ? new Limits(l.min() + base, l.hasMax() ? l.max() + base : -1, l.shared(), l.memory64()) : l;
                t.u8(tt.refType());
                Encoders.limits(t, grown);
            }
            ed.setStandard(SectionIds.TABLE, t.toByteArray());
        }
        log.add("function table entries moved by " + base + " (element segments and table-index sites)");
    }
}
