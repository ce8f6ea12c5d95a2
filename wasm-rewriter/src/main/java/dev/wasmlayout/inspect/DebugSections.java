package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.custom.RelocSection;

/** Which custom sections carry debug information: what inspect reports and what the patches keep, fix or drop. */
public final class DebugSections {
    /** Names a DWARF file kept elsewhere. */
    public static final String EXTERNAL_DWARF = "external_debug_info";
    /** Names a source map, which counts module file offsets. */
    public static final String SOURCE_MAP = "sourceMappingURL";

    private DebugSections() {
    }

    /** A DWARF section ({@code .debug_info}, {@code .debug_line}, ...). */
    public static boolean isDwarf(Section s) {
        return s.isCustom() && s.customName().startsWith(".debug_");
    }

    /** A relocation section that applies to a DWARF section ({@code reloc..debug_*}). */
    public static boolean targetsDwarf(ParsedModule m, RelocSection rs) {
        int target = rs.targetSection();
        return target >= 0 && target < m.module.sections().size() && isDwarf(m.module.sections().get(target));
    }
}
