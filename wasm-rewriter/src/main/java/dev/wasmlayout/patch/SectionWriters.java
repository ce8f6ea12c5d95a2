package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.Global;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The data and global sections as every strategy rewrites them: the strategies differ only in where an
 * active segment now starts and what a global now holds, so each passes just that.
 */
final class SectionWriters {
    private SectionWriters() {
    }

    /**
     * The data section with each active segment at {@code offset(segment)} (passive ones copied) and, when
     * {@code zeroLength > 0}, one more segment of zeros at {@code zeroAt}; the data count follows.
     */
    static void data(ParsedModule m, byte[] src, ModuleEditor ed, ToLongFunction<DataSegment> offset, long zeroAt,
                     long zeroLength) {
        List<DataSegment> segs = m.sections.data;
        int count = segs.size() + (zeroLength > 0 ? 1 : 0);
        ByteWriter w = new ByteWriter(src.length);
        w.u32(count);
        for (DataSegment d : segs) {
            if (!d.active()) {
                w.bytes(src, d.start(), d.end() - d.start());
                continue;
            }
            if (d.memoryIndex() == 0) {
                w.u8(0);
            } else {
                w.u8(2).u32(d.memoryIndex());
            }
            w.bytes(Encoders.i32ConstExpr(offset.applyAsLong(d)));
            w.u32(d.length()).bytes(src, d.dataStart(), d.length());
        }
        if (zeroLength > 0) {
            w.u8(0).bytes(Encoders.i32ConstExpr(zeroAt)).u32(zeroLength).bytes(new byte[(int) zeroLength]);
        }
        ed.setStandard(SectionIds.DATA, w.toByteArray());
        if (m.sections.dataCount >= 0) {
            ed.setStandard(SectionIds.DATA_COUNT, new ByteWriter().u32(count).toByteArray());
        }
    }

    /**
     * The global section: {@code before} entries, then the module's globals (each with the init expression
     * {@code init(global)} gives, or its own when that is null), then {@code after} entries.
     */
    static void globals(ParsedModule m, byte[] src, ModuleEditor ed, List<byte[]> before, Function<Global, byte[]> init,
                        List<byte[]> after) {
        ByteWriter w = new ByteWriter();
        w.u32(before.size() + m.sections.globals.size() + after.size());
        for (byte[] e : before) {
            w.bytes(e);
        }
        for (Global g : m.sections.globals) {
            Encoders.globalType(w, g.type());
            byte[] now = init.apply(g);
            if (now != null) {
                w.bytes(now);
            } else {
                w.bytes(src, g.init().start(), g.init().end() - g.init().start());
            }
        }
        for (byte[] e : after) {
            w.bytes(e);
        }
        ed.setStandard(SectionIds.GLOBAL, w.toByteArray());
    }
}
