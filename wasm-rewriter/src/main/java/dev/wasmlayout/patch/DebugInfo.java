package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.DebugSections;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a patch does with a module's debug information, so that afterwards it is either true or
 * gone, and the patch log says which. DWARF ({@code .debug_*} sections) holds data addresses and
 * code offsets counted from the start of the code section payload; a patch may move the data and
 * move or rewrite function bodies. {@code external_debug_info} names a DWARF file elsewhere, which
 * cannot be corrected here; {@code sourceMappingURL} names a source map, which counts module file
 * offsets, and every patch changes sections before the code.
 */
final class DebugInfo {

    private DebugInfo() {
    }

    /** relocate and placed: keeps the DWARF true (rewritten through its relocations) or drops it. */
    static final class Carry implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            carry(c.parsed, c.bytes, c.editor, c.map, c.log);
        }
    }

    /**
     * For relocate and placed (the edits of {@code ed} are complete, code included): keeps the DWARF
     * when nothing it describes moved, rewrites it through its relocations when they exist, and
     * drops it otherwise.
     *
     * @param before the module's bytes with the layout of {@code m} (relocation sites in code and data
     *               may already hold their new values)
     */
    static void carry(ParsedModule m, byte[] before, ModuleEditor ed, AddressMap map, PatchLog log) {
        WasmModule module = ed.module();
        List<Section> dwarf = dwarfSections(module);
        Section external = module.custom(DebugSections.EXTERNAL_DWARF).orElse(null);
        dropSourceMap(ed, log);
        if (dwarf.isEmpty() && external == null) {
            return;
        }
        CodeShift code = CodeShift.of(m.module, m.sections.bodies, before, ed.codePayload());
        String changed = changes(code, map);
        if (external != null) {
            if (changed == null) {
                log.add("kept " + DebugSections.EXTERNAL_DWARF + ": the separate DWARF file it names still matches (code offsets and data"
                        + " addresses unchanged)");
            } else {
                ed.remove(external);
                log.warn("dropped " + DebugSections.EXTERNAL_DWARF + ": the separate DWARF file it names describes the module as linked ("
                        + changed + ")");
            }
        }
        if (dwarf.isEmpty()) {
            return;
        }
        boolean relocated = m.linking != null && m.relocs.stream().anyMatch(rs -> DebugSections.targetsDwarf(m, rs));
        if (!relocated) {
            if (changed == null) {
                log.add("kept the debug info (" + names(dwarf) + ") as linked: code offsets and data addresses are unchanged");
            } else {
                drop(ed, dwarf, changed + ", and the module has no relocations for its DWARF"
                        + (m.relocs.isEmpty() ? " (link with -Wl,--emit-relocs to keep it)" : ""), log);
            }
            return;
        }
        DwarfRelocations.Result r = DwarfRelocations.rewrite(m, before, map, code);
        if (r.problem() != null) {
            drop(ed, dwarf, r.problem(), log);
            return;
        }
        for (Map.Entry<Integer, byte[]> e : r.payloads().entrySet()) {
            ed.replace(module.sections().get(e.getKey()), e.getValue());
        }
        log.add("debug info (" + names(dwarf) + ") rewritten through its relocations: " + r.dataSites()
                + " data addresses, " + r.codeSites() + " code offsets"
                + (code.unchanged() ? " (code did not move)" : " (" + code.moved() + " function bodies moved)"));
        if (!r.deadFunctions().isEmpty()) {
            log.warn("debug info of " + String.join(", ", r.deadFunctions()) + " marked as removed code (the linker's"
                    + " tombstone): the patch rewrote inside the body, where DWARF's line steps and lengths cannot be shifted");
        }
    }

    /**
     * Drops every kind of debug information (for a patch that cannot keep any of it true) and says
     * why; does nothing when the module has none.
     */
    static void dropAll(ModuleEditor ed, String why, PatchLog log) {
        dropSourceMap(ed, log);
        ed.module().custom(DebugSections.EXTERNAL_DWARF).ifPresent(s -> {
            ed.remove(s);
            log.warn("dropped " + DebugSections.EXTERNAL_DWARF + ": " + why);
        });
        List<Section> dwarf = dwarfSections(ed.module());
        if (!dwarf.isEmpty()) {
            drop(ed, dwarf, why, log);
        }
    }

    /**
     * After an edit without relocations to go by (the module is already patched): keeps the DWARF
     * only when the code kept its offsets; {@code what} names the edit for the log.
     */
    static void keepIfCodeUnchanged(ParsedModule m, ModuleEditor ed, String what, PatchLog log) {
        List<Section> dwarf = dwarfSections(ed.module());
        boolean external = ed.module().custom(DebugSections.EXTERNAL_DWARF).isPresent();
        if (dwarf.isEmpty() && !external) {
            return;
        }
        CodeShift code = CodeShift.of(m.module, m.sections.bodies, m.bytes(), ed.codePayload());
        if (!code.unchanged()) {
            dropAll(ed, what + " moved code in " + code.moved() + " function bodies, and no relocations remain to correct"
                    + " the DWARF", log);
        } else {
            log.add("kept the debug info (" + (dwarf.isEmpty() ? DebugSections.EXTERNAL_DWARF : names(dwarf)) + ") after " + what
                    + ": every function body kept its code offsets");
        }
    }

    private static void drop(ModuleEditor ed, List<Section> dwarf, String why, PatchLog log) {
        for (Section s : dwarf) {
            ed.remove(s);
        }
        log.warn("dropped the debug info (" + names(dwarf) + "): " + why);
    }

    private static void dropSourceMap(ModuleEditor ed, PatchLog log) {
        ed.module().custom(DebugSections.SOURCE_MAP).ifPresent(s -> {
            ed.remove(s);
            log.warn("dropped " + DebugSections.SOURCE_MAP + ": a source map counts module file offsets, and the patch changes"
                    + " sections before the code");
        });
    }

    /** What moved that DWARF describes, or null when nothing did. */
    private static String changes(CodeShift code, AddressMap map) {
        List<String> what = new ArrayList<>();
        if (map.delta() != 0) {
            what.add("static data moved by " + map.delta() + " bytes");
        }
        if (!code.unchanged()) {
            what.add(code.moved() + " function bodies moved or changed inside");
        }
        return what.isEmpty() ? null : String.join(" and ", what);
    }

    static List<Section> dwarfSections(WasmModule module) {
        List<Section> out = new ArrayList<>();
        for (Section s : module.sections()) {
            if (DebugSections.isDwarf(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String names(List<Section> sections) {
        return sections.size() == 1 ? sections.get(0).customName() : sections.size() + " .debug_* sections";
    }
}
