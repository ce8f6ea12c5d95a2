package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.reencode.Reencode;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the function imports from optional modules that were left out of the set with defined
 * functions returning zero. Imported functions come first in the index space, so removing them
 * renumbers every function: calls, ref.func, element segments, exports, start and the name section.
 * The stub bodies go after every other body and each call keeps its encoded width where it can
 ({@link Reencode}), so the code usually keeps its offsets and the module its DWARF.
 */
public final class ImportStubs {
    private ImportStubs() {
    }

    /** Returns the module with the stubs, or the same bytes when it imports nothing from those modules. */
    public static byte[] apply(byte[] bytes, Set<String> leftOut, List<String> log) {
        return apply(bytes, leftOut, log, new ArrayList<>());
    }

    /** As {@link #apply(byte[], Set, List)}; {@code warnings} gets the lines of {@code log} that say what the module lost. */
    public static byte[] apply(byte[] bytes, Set<String> leftOut, List<String> log, List<String> warnings) {
        ParsedModule m = ParsedModule.parse(bytes);
        List<Import> funcs = new ArrayList<>();
        for (Import i : m.sections.imports) {
            if (i.kind() == ExternalKind.FUNC) {
                funcs.add(i);
            }
        }
        int imported = funcs.size();
        int[] map = new int[m.sections.functionCount()];
        List<Import> stubbed = new ArrayList<>();
        int kept = 0;
        for (Import i : funcs) {
            if (!leftOut.contains(i.module())) {
                kept++;
            }
        }
        int keptRank = 0;
        int defined = m.sections.functionTypes.length;
        for (int j = 0; j < imported; j++) {
            Import i = funcs.get(j);
            if (leftOut.contains(i.module())) {
                map[j] = kept + defined + stubbed.size();
                stubbed.add(i);
            } else {
                map[j] = keptRank++;
            }
        }
        if (stubbed.isEmpty()) {
            return bytes;
        }
        for (int d = 0; d < defined; d++) {
            map[imported + d] = kept + d;
        }
        ModuleEditor ed = new ModuleEditor(m.module, m.sections.bodies);
        Reencode remap = new Reencode().functions(i -> map[i]);
        for (FunctionBody b : m.sections.bodies) {
            byte[] nb = remap.body(bytes, b);
            if (nb != null) {
                ed.replaceBody(b.index(), nb);
            }
        }
        writeImportsAndFunctions(m, stubbed, leftOut, ed);
        for (Import s : stubbed) {
            ed.appendBody(stubBody(m.sections.types.get(s.typeIndex())));
            log.add("import " + s.fullName() + " is a stub returning zero (optional module '" + s.module() + "' left out)");
        }
        writeExports(m, remap, ed);
        if (m.sections.start >= 0) {
            ed.setStandard(SectionIds.START, new ByteWriter().u32(remap.function(m.sections.start)).toByteArray());
        }
        writeElements(m, remap, ed);
        writeNames(m, remap, stubbed, kept + defined, ed);
        Set<String> modules = new java.util.TreeSet<>();
        for (Import s : stubbed) {
            modules.add(s.module());
        }
        PatchLog debug = new PatchLog();
        DebugInfo.keepIfCodeUnchanged(m, ed, "leaving out " + String.join(", ", modules), debug);
        log.addAll(debug.lines());
        warnings.addAll(debug.warnings());
        return ed.write();
    }

    private static void writeImportsAndFunctions(ParsedModule m, List<Import> stubbed, Set<String> leftOut, ModuleEditor ed) {
        List<byte[]> imports = new ArrayList<>();
        for (Import i : m.sections.imports) {
            if (!(i.kind() == ExternalKind.FUNC && leftOut.contains(i.module()))) {
                imports.add(Encoders.importEntry(i.module(), i));
            }
        }
        ed.setStandard(SectionIds.IMPORT, VectorSections.append(new byte[0], null, imports));
        List<byte[]> types = new ArrayList<>();
        for (Import s : stubbed) {
            types.add(new ByteWriter().u32(s.typeIndex()).toByteArray());
        }
        ed.setStandard(SectionIds.FUNCTION, VectorSections.append(m.bytes(), m.module.section(SectionIds.FUNCTION).orElse(null), types));
    }

    /** A body that returns zero of each result type. */
    private static byte[] stubBody(FuncType t) {
        CodeEmitter body = CodeEmitter.body();
        for (int r : t.results()) {
            body.zero(r);
        }
        return body.end();
    }

    private static void writeExports(ParsedModule m, Reencode remap, ModuleEditor ed) {
        if (m.sections.exports.isEmpty()) {
            return;
        }
        ByteWriter w = new ByteWriter().u32(m.sections.exports.size());
        for (Export e : m.sections.exports) {
            w.bytes(Encoders.export(e.name(), e.kind(), e.kind() == ExternalKind.FUNC ? remap.function(e.index()) : e.index()));
        }
        ed.setStandard(SectionIds.EXPORT, w.toByteArray());
    }

    private static void writeElements(ParsedModule m, Reencode remap, ModuleEditor ed) {
        if (m.sections.elements.isEmpty()) {
            return;
        }
        ByteWriter w = new ByteWriter().u32(m.sections.elements.size());
        for (ElementSegment e : m.sections.elements) {
            remap.element(m.bytes(), e, w);
        }
        ed.setStandard(SectionIds.ELEMENT, w.toByteArray());
    }

    private static void writeNames(ParsedModule m, Reencode remap, List<Import> stubbed, int firstStub, ModuleEditor ed) {
        Section s = m.module.custom(NameSection.NAME).orElse(null);
        if (s == null || m.names == null) {
            return;
        }
        // function names are renumbered; local and label names (keyed by function) are dropped; the rest is copied
        ByteWriter w = new ByteWriter();
        ByteReader r = s.payload(m.bytes());
        java.util.List<int[]> others = new ArrayList<>();
        while (!r.atEnd()) {
            int at = r.pos();
            int id = r.u8();
            int len = (int) r.u32();
            r.skip(len, "name subsection");
            if (id != 1 && id != 2 && id != 3) {
                others.add(new int[] {id, at, r.pos()});
            }
        }
        for (int[] o : others) {
            if (o[0] == 0) {
                w.bytes(m.bytes(), o[1], o[2] - o[1]);
            }
        }
        int count = m.sections.functionCount();
        Map<Integer, String> funcs = remap.names(Reencode.Space.FUNCTION, m.names.functions().entrySet().stream()
                .filter(e -> e.getKey() < count)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (int k = 0; k < stubbed.size(); k++) {
            funcs.put(firstStub + k, "stub:" + stubbed.get(k).fullName());
        }
        ByteWriter sub = new ByteWriter().u32(funcs.size());
        for (Map.Entry<Integer, String> e : funcs.entrySet()) {
            sub.u32(e.getKey()).name(e.getValue());
        }
        byte[] fs = sub.toByteArray();
        w.u8(1).u32(fs.length).bytes(fs);
        for (int[] o : others) {
            if (o[0] != 0) {
                w.bytes(m.bytes(), o[1], o[2] - o[1]);
            }
        }
        ed.replace(s, w.toByteArray());
    }
}
