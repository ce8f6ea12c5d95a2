package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.custom.Dylink0Section;
import dev.wasmlayout.wasm.reencode.Reencode;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Global;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The pic strategy: a position-independent module asks its loader for {@code env.__memory_base},
 * {@code env.__table_base}, {@code env.__stack_pointer} and {@code GOT.mem.*}. wasm-layout is that
 * loader, ahead of time: those imports become defined globals with the planned values, and since
 * imported globals come first in the index space every use of them is renumbered.
 */
final class PicPatcher {
    private PicPatcher() {
    }

    /** A position-independent module with no GOT.func imports whose data fits its region. */
    static final class CheckPic implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            ModuleFacts f = c.facts;
            if (!f.pic().pic()) {
                throw new PatchException("pic needs a position-independent module (dylink.0 section); this one is not");
            }
            if (!f.pic().gotFunc().isEmpty()) {
                throw new PatchException("imports function addresses through GOT.func " + f.pic().gotFunc()
                        + ", which wasm-layout cannot bind yet");
            }
            long need = f.pic().memorySize();
            long have = c.placement.dataEnd() - c.placement.dataStart();
            if (need > have) {
                throw new PatchException("static data needs " + need + " bytes but its region has " + have
                        + " (overflowed by " + (need - have) + " bytes)");
            }
        }
    }

    /**
     * Binds the loader's globals to the planned values and renumbers every use of a global in the code;
     * the loader's env.__stack_pointer is then a defined global under its new number.
     */
    static final class BindLoaderGlobals implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            ParsedModule m = c.parsed;
            c.binding = GlobalBinding.of(m, c.facts, c.placement, c.log);
            c.editor = new ModuleEditor(m.module, m.sections.bodies);
            c.renumbering = new Reencode().globals(c.binding::newIndex);
            int rewritten = 0;
            for (FunctionBody b : m.sections.bodies) {
                byte[] nb = c.renumbering.body(c.bytes, b);
                if (nb != null) {
                    c.editor.replaceBody(b.index(), nb);
                    rewritten++;
                }
            }
            c.log.add("renumbered globals in " + rewritten + " of " + m.sections.bodies.size() + " function bodies");
            c.stackPointer = c.facts.stack().pointerImported() ? c.binding.newIndex(c.facts.stack().pointerGlobal()) : -1;
        }
    }

    /** The bound globals first, then the module's own (exported data offsets become addresses), then the added ones. */
    static final class Globals implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            GlobalBinding binding = c.binding;
            ModuleEditor ed = c.editor;
            List<byte[]> extra = c.addedGlobals;
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            Placement p = c.placement;
            SectionWriters.globals(m, m.bytes(), ed, binding.definedEntries(), g -> {
                OptionalLong v = binding.evaluate(g.init());
                boolean exported = isExported(m, g.index());
                if (exported && !g.type().mutable() && g.type().valueType() == ValueType.I32 && v.isPresent()) {
                    // a PIC module exports data symbols as offsets from __memory_base; linked, they are addresses
                    long address = v.getAsLong() + p.dataStart();
                    log.add("exported global " + exportName(m, g.index()) + " is now the address " + RelocatePatcher.hex(address));
                    return Encoders.i32ConstExpr(address);
                }
                if (v.isPresent() && (g.init().globalGet() >= 0 || g.init().readsGlobals())) {
                    return constExpr(g.type().valueType(), v.getAsLong());
                }
                return null;
            }, extra);
        }
    }

    /** Segment offsets computed from the bound __memory_base. */
    static final class DataSegments implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            GlobalBinding binding = c.binding;
            ModuleEditor ed = c.editor;
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            if (m.sections.data.isEmpty()) {
                return;
            }
            SectionWriters.data(m, m.bytes(), ed, d -> {
                long at = binding.evaluate(d.offset())
                        .orElseThrow(() -> new PatchException("data segment " + d.index() + " has an offset that is not constant"));
                log.add("data segment " + d.index() + " (" + d.length() + " bytes) placed at " + RelocatePatcher.hex(at));
                return at;
            }, 0, 0);
        }
    }

    /** Element offsets computed from the bound __table_base. */
    static final class ElementSegments implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            GlobalBinding binding = c.binding;
            ModuleEditor ed = c.editor;
            ParsedModule m = c.parsed;
            if (m.sections.elements.isEmpty()) {
                return;
            }
            ByteWriter w = new ByteWriter();
            w.u32(m.sections.elements.size());
            for (ElementSegment e : m.sections.elements) {
                if (!e.active()) {
                    w.bytes(m.bytes(), e.start(), e.end() - e.start());
                    continue;
                }
                long at = binding.evaluate(e.offset())
                        .orElseThrow(() -> new PatchException("element segment " + e.index() + " has an offset that is not constant"));
                w.bytes(m.bytes(), e.start(), e.offset().start() - e.start());
                w.bytes(Encoders.i32ConstExpr(at));
                w.bytes(m.bytes(), e.offset().end(), e.end() - e.offset().end());
            }
            ed.setStandard(SectionIds.ELEMENT, w.toByteArray());
        }
    }

    /** Bound imports removed, the memory made the shared import, the loader's table made the module's own. */
    static final class Imports implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            GlobalBinding binding = c.binding;
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            Placement p = c.placement;
            ModuleEditor ed = c.editor;
            List<byte[]> imports = new ArrayList<>();
            List<byte[]> tables = new ArrayList<>();
            int globalIndex = 0;
            for (Import i : m.sections.imports) {
                switch (i.kind()) {
                    case GLOBAL:
                        if (!binding.isBound(globalIndex++)) {
                            imports.add(Encoders.importEntry(i.module(), i));
                        }
                        break;
                    case MEMORY:
                        imports.add(Encoders.memoryImport(p.memoryModule(), p.memoryName(), p.initialPages(), p.maxPages()));
                        log.add("memory import " + i.fullName() + " is now " + p.memoryModule() + "." + p.memoryName() + " ("
                                + p.initialPages() + " pages, max " + p.maxPages() + ")");
                        break;
                    case TABLE:
                        if (i.fullName().equals("env.__indirect_function_table") && m.sections.importedTables == 1) {
                            long min = p.tableBase() + Math.max(i.table().limits().min(), m.dylink == null ? 0 : m.dylink.tableSize());
                            ByteWriter t = new ByteWriter().u8(i.table().refType());
                            Encoders.limits(t, new dev.wasmlayout.wasm.sections.Limits(min, -1, false, false));
                            tables.add(t.toByteArray());
                            log.add("the imported function table is now the module's own (" + min + " entries)");
                        } else {
                            imports.add(Encoders.importEntry(i.module(), i));
                        }
                        break;
                    default:
                        imports.add(Encoders.importEntry(p.importRenames().getOrDefault(i.module(), i.module()), i));
                }
            }
            ed.setStandard(SectionIds.IMPORT, VectorSections.append(new byte[0], null, imports));
            if (!tables.isEmpty()) {
                // the converted table goes first so it keeps index 0
                ByteWriter w = new ByteWriter();
                w.u32(tables.size() + m.sections.tables.size());
                for (byte[] t : tables) {
                    w.bytes(t);
                }
                m.module.section(SectionIds.TABLE).ifPresent(s -> {
                    ByteReader r = s.payload(m.bytes());
                    r.u32();
                    w.bytes(m.bytes(), r.pos(), s.end() - r.pos());
                });
                ed.setStandard(SectionIds.TABLE, w.toByteArray());
            }
        }
    }

    /** Exported globals renumbered; the memory exported for WASI hosts. */
    static final class Exports implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            Reencode remap = c.renumbering;
            ModuleEditor ed = c.editor;
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            ByteWriter w = new ByteWriter();
            List<Export> exports = m.sections.exports;
            boolean memory = m.sections.exportsKind(ExternalKind.MEMORY);
            w.u32(exports.size() + (memory ? 0 : 1));
            for (Export e : exports) {
                int index = e.kind() == ExternalKind.GLOBAL ? remap.global(e.index()) : e.index();
                w.bytes(Encoders.export(e.name(), e.kind(), index));
            }
            if (!memory) {
                w.bytes(Encoders.export("memory", ExternalKind.MEMORY, 0));
                log.add("memory exported as 'memory' so WASI hosts find it");
            }
            ed.setStandard(SectionIds.EXPORT, w.toByteArray());
        }
    }

    /** dylink.0 goes, and with it every kind of debug information (none of it can be kept true). */
    static final class DropDylinkAndDebugInfo implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            c.parsed.module.custom(Dylink0Section.NAME).ifPresent(c.editor::remove);
            c.log.add("dropped dylink.0 (the module is no longer position-independent)");
            DebugInfo.dropAll(c.editor, "a position-independent module has no relocations for its DWARF, and the pic patch"
                    + " renumbers the globals DWARF names (it locates data as global __memory_base + offset) and may move"
                    + " code (rewritten instructions)", c.log);
        }
    }


    private static byte[] constExpr(int type, long v) {
        return type == ValueType.I64 ? CodeEmitter.expression().op(Opcode.I64_CONST, v).end() : Encoders.i32ConstExpr(v);
    }


    private static boolean isExported(ParsedModule m, int globalIndex) {
        return exportName(m, globalIndex) != null;
    }

    private static String exportName(ParsedModule m, int globalIndex) {
        return m.sections.exportName(ExternalKind.GLOBAL, globalIndex);
    }
}
