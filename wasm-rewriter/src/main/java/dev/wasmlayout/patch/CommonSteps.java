package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.custom.LinkingSection;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Global;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The steps relocate and placed end with (pic shares {@link WriteAdditions}): the stack pointer and
 * address globals, data segment offsets, the memory turned into the shared import, relocation metadata
 * dropped. {@link Patcher} writes down where they run.
 */
final class CommonSteps {
    private CommonSteps() {
    }

    /** Opens the editor over the bytes with their in-place rewrites; the stack pointer keeps its index. */
    static final class OpenEditor implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            c.editor = new ModuleEditor(WasmModule.read(c.bytes), c.parsed.sections.bodies);
            c.stackPointer = c.facts.stack().pointerImported() ? -1 : c.facts.stack().pointerGlobal();
        }
    }

    /** Writes the types and functions the earlier steps added (once, with their names). */
    static final class WriteAdditions implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            c.additions.writeTo(c.editor);
        }
    }

    /** The stack pointer starts at the stack's top; globals holding data addresses move with the data (trap 2). */
    static final class AddressGlobals implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            ModuleEditor ed = c.editor;
            ParsedModule m = c.parsed;
            byte[] out = c.bytes;
            List<byte[]> extra = c.addedGlobals;
            if (m.sections.globals.isEmpty() && extra.isEmpty()) {
                return;
            }
            SectionWriters.globals(m, out, ed, List.of(), g -> {
                OptionalLong v = newGlobalValue(c, g);
                return v.isPresent() ? Encoders.i32ConstExpr(v.getAsLong()) : null;
            }, extra);
        }
    }

    /** Active segments move with the data; .bss gets a zero segment (trap 3). */
    static final class DataSegments implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            ModuleFacts f = c.facts;
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            AddressMap map = c.map;
            byte[] out = c.bytes;
            ModuleEditor ed = c.editor;
            List<DataSegment> segs = m.sections.data;
            long segmentsEnd = 0;
            for (DataSegment d : segs) {
                if (d.address() >= 0) {
                    segmentsEnd = Math.max(segmentsEnd, d.address() + d.length());
                }
            }
            // an imported memory is not zeroed for us: .bss without a segment gets one (trap 3)
            long bss = f.data().end() > segmentsEnd && segmentsEnd > 0 ? f.data().end() - segmentsEnd : 0;
            if (segs.isEmpty() && bss == 0) {
                return;
            }
            for (DataSegment d : segs) {
                if (d.active() && d.address() < 0) {
                    throw new PatchException("data segment " + d.index() + " has a non-constant offset");
                }
            }
            SectionWriters.data(m, out, ed, d -> map.move(d.address()), map.move(segmentsEnd), bss);
            if (bss > 0) {
                log.add("added a zero segment of " + bss + " bytes for .bss at " + RelocatePatcher.hex(map.move(segmentsEnd))
                        + " (an imported memory is not zeroed)");
            }
        }
    }

    /** The memory becomes the shared import (and is exported for WASI hosts); imports renamed to their providers. */
    static final class MemoryImport implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            PatchLog log = c.log;
            ParsedModule m = c.parsed;
            Placement p = c.placement;
            ModuleEditor ed = c.editor;
            WasmModule patched = ed.module();
            List<byte[]> imports = new ArrayList<>();
            boolean hadMemoryImport = false;
            for (Import i : m.sections.imports) {
                if (i.kind() == ExternalKind.MEMORY) {
                    hadMemoryImport = true;
                    imports.add(Encoders.memoryImport(p.memoryModule(), p.memoryName(), p.initialPages(), p.maxPages()));
                    continue;
                }
                String module = p.importRenames().getOrDefault(i.module(), i.module());
                if (!module.equals(i.module())) {
                    log.add("import " + i.fullName() + " now comes from module '" + module + "'");
                }
                imports.add(Encoders.importEntry(module, i));
            }
            if (!hadMemoryImport) {
                imports.add(Encoders.memoryImport(p.memoryModule(), p.memoryName(), p.initialPages(), p.maxPages()));
                patched.section(SectionIds.MEMORY).ifPresent(ed::remove);
                log.add("memory is now imported as " + p.memoryModule() + "." + p.memoryName() + " (" + p.initialPages()
                        + " pages, max " + p.maxPages() + ")");
            }
            ed.setStandard(SectionIds.IMPORT, VectorSections.append(new byte[0], null, imports));
            boolean exported = m.sections.exportsKind(ExternalKind.MEMORY);
            if (!exported) {
                ed.setStandard(SectionIds.EXPORT, VectorSections.append(patched.bytes(),
                        patched.section(SectionIds.EXPORT).orElse(null), List.of(Encoders.export("memory", ExternalKind.MEMORY, 0))));
                log.add("memory exported as 'memory' so WASI hosts find it");
            }
        }
    }

    /** linking and reloc.* describe the module as linked, not as patched. */
    static final class DropLinkMetadata implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            for (Section s : c.editor.module().sections()) {
                if (s.isCustom() && (s.customName().equals(LinkingSection.NAME) || s.customName().startsWith(RelocSection.PREFIX))) {
                    c.editor.remove(s);
                }
            }
            c.log.add("dropped the linking and reloc.* sections (they describe the module as linked, not as patched)");
        }
    }


    /** The new initial value of a global that holds an address, or empty to keep it. */
    private static OptionalLong newGlobalValue(PatchContext c, Global g) {
        ParsedModule m = c.parsed;
        Placement p = c.placement;
        AddressMap map = c.map;
        PatchLog log = c.log;
        if (g.index() == c.facts.stack().pointerGlobal()) {
            log.add("__stack_pointer (global " + g.index() + ") starts at " + RelocatePatcher.hex(p.stackHigh()));
            return OptionalLong.of(p.stackHigh());
        }
        if (g.type().valueType() != 0x7f || g.init().value().isEmpty()) {
            return OptionalLong.empty();
        }
        String name = globalName(m, g.index());
        long old = g.init().value().getAsLong() & 0xffffffffL;
        OptionalLong linker = map.linkerSymbol(name);
        if (linker.isPresent()) {
            log.add("global " + name + " = " + RelocatePatcher.hex(linker.getAsLong()));
            return linker;
        }
        boolean addressLike = !g.type().mutable() || "__tls_base".equals(name);
        if (addressLike && map.inData(old) && map.delta() != 0) {
            // exported data addresses and GOT entries have no relocation (trap 2)
            log.add("global " + (name == null ? "#" + g.index() : name) + " " + RelocatePatcher.hex(old) + " -> "
                    + RelocatePatcher.hex(map.move(old)));
            return OptionalLong.of(map.move(old));
        }
        return OptionalLong.empty();
    }

    private static String globalName(ParsedModule m, int index) {
        String exported = m.sections.exportName(ExternalKind.GLOBAL, index);
        if (exported != null) {
            return exported;
        }
        if (m.names != null && m.names.globals().containsKey(index)) {
            return m.names.globals().get(index);
        }
        return null;
    }


}
