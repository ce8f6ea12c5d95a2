package dev.wasmlayout.cli;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.ModuleFacts.BadSite;
import dev.wasmlayout.inspect.ModuleFacts.DebugFacts;
import dev.wasmlayout.inspect.ModuleFacts.ExceptionFacts;
import dev.wasmlayout.inspect.ModuleFacts.GrowSite;
import dev.wasmlayout.inspect.ModuleFacts.Segment;
import dev.wasmlayout.inspect.ModuleFacts.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@link ModuleFacts} for a person. */
final class FactsText {
    private FactsText() {
    }

    static String hex(long v) {
        return v < 0 ? "-" : "0x" + Long.toHexString(v);
    }

    static String render(ModuleFacts f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.file()).append(" (").append(f.size()).append(" bytes)\n");
        var mem = f.memory();
        line(sb, "memory", !mem.present() ? "none"
                : (mem.imported() ? "imported as " + mem.importName() : "defined") + ", " + mem.minPages() + " pages min, "
                        + (mem.maxPages() < 0 ? "no max" : mem.maxPages() + " pages max")
                        + (mem.exported() ? ", exported" : "")
                        + (mem.shared() ? ", SHARED" : "") + (mem.memory64() ? ", MEMORY64" : "")
                        + (mem.count() > 1 ? ", MULTI-MEMORY (" + mem.count() + " memories)" : ""));
        var d = f.data();
        line(sb, "data", hex(d.start()) + ".." + hex(d.end()) + " (" + d.size() + " bytes, align " + d.alignment()
                + ", end from " + d.endSource() + ")");
        for (Segment s : d.segments()) {
            sb.append(String.format("    segment %-3d %-14s %10s %8d bytes  align %d%s%n", s.index(),
                    s.name() == null ? "" : s.name(), s.active() ? hex(s.address()) : "passive", s.size(), s.alignment(), ""));
        }
        var st = f.stack();
        line(sb, "stack", st.pointerGlobal() < 0 ? "no __stack_pointer (the module uses no stack in memory)"
                : st.pointerImported() ? "__stack_pointer is imported (global " + st.pointerGlobal() + "): the loader places the stack"
                : hex(st.low()) + ".." + hex(st.high()) + " (" + st.size() + " bytes, " + (st.stackFirst() ? "stack first" : "after data")
                        + "); __stack_pointer = global " + st.pointerGlobal()
                        + (st.pointerImported() ? " (imported)" : ", initial " + hex(st.initialPointer())));
        var h = f.heap();
        line(sb, "heap", "__heap_base " + hex(h.heapBase()) + ", __heap_end " + hex(h.heapEnd()) + ", __data_end " + hex(h.dataEnd()));
        var r = f.relocations();
        line(sb, "relocations", r.verdict());
        if (r.present()) {
            StringBuilder types = new StringBuilder();
            for (Map.Entry<String, Integer> e : r.byType().entrySet()) {
                types.append(types.length() == 0 ? "" : ", ").append(e.getKey().substring("R_WASM_".length())).append(' ').append(e.getValue());
            }
            sb.append("    ").append(r.total()).append(" in ").append(String.join(", ", r.sections())).append(": ").append(types).append('\n');
            for (BadSite b : r.badSites()) {
                sb.append("    bad site at ").append(hex(b.fileOffset())).append(" in ").append(b.section()).append(": ")
                        .append(b.type()).append(' ').append(b.symbol()).append(" expects ").append(hex(b.expected()))
                        .append(", ").append(b.found()).append('\n');
            }
        }
        var p = f.pic();
        line(sb, "pic", !p.pic() ? "no" : "yes: dylink.0 memory " + p.memorySize() + " bytes align " + p.memoryAlignment()
                + ", table " + p.tableSize() + (p.importsMemoryBase() ? ", env.__memory_base" : "")
                + (p.importsTableBase() ? ", env.__table_base" : "") + (p.importsStackPointer() ? ", env.__stack_pointer" : "")
                + (p.gotMem().isEmpty() ? "" : ", GOT.mem " + p.gotMem()) + (p.gotFunc().isEmpty() ? "" : ", GOT.func " + p.gotFunc()));
        if (f.memoryGrowth().isEmpty()) {
            line(sb, "memory.grow", "not used");
        } else {
            line(sb, "memory.grow", f.memoryGrowth().size() + " sites (memory.grow / memory.size)");
            for (GrowSite g : f.memoryGrowth()) {
                sb.append("    ").append(g.instruction()).append(" in ").append(g.functionName()).append(" at ").append(hex(g.fileOffset())).append('\n');
            }
        }
        line(sb, "debug", debug(f.debug()));
        line(sb, "exceptions", exceptions(f.exceptions()));
        line(sb, "imports", f.imports().isEmpty() ? "none" : String.join(", ", f.imports()));
        line(sb, "exports", f.exports().isEmpty() ? "none" : String.join(", ", f.exports()));
        line(sb, "entry", f.entryPoint() == null ? "none (library)" : f.entryPoint());
        sb.append("strategies\n");
        for (Strategy s : f.strategies()) {
            sb.append(String.format("    %-9s %-4s %s%n", s.name(), s.applies() ? "yes" : "no", s.reason()));
        }
        return sb.toString();
    }

    /** What debug information the module carries and whether linking can keep it true. */
    private static String debug(DebugFacts d) {
        if (!d.present()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!d.dwarfSections().isEmpty()) {
            parts.add("DWARF in " + d.dwarfSections().size() + " sections (" + String.join(", ", d.dwarfSections()) + ")"
                    + (d.dwarfRelocated() ? ", with relocations: relocate keeps it true"
                            : ", no relocations for it: kept only where the patch moves nothing"));
        }
        parts.addAll(d.pointers());
        return String.join("; ", parts);
    }

    /** Tags and exception-handling instructions, and whether the validator's Chicory can run them. */
    private static String exceptions(ExceptionFacts e) {
        if (!e.present()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        parts.add(e.tags().isEmpty() ? "no tags" : String.join(", ", e.tags()));
        if (!e.instructions().isEmpty()) {
            StringBuilder counts = new StringBuilder();
            e.instructions().forEach((op, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(op).append(' ').append(n));
            parts.add(counts.toString());
        }
        if (e.legacy()) {
            parts.add("legacy proposal (first: " + e.firstLegacy() + " in " + e.firstLegacyFunction() + " at "
                    + hex(e.firstLegacyOffset()) + "): V8 runs it; the validator runs it translated to try_table");
        }
        return String.join("; ", parts);
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-12s%s%n", key, value));
    }
}
