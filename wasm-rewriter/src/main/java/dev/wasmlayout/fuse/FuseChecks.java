package dev.wasmlayout.fuse;

import dev.wasmlayout.patch.PatchRecord;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.custom.ProducersSection;
import dev.wasmlayout.wasm.custom.TargetFeaturesSection;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What refuses a module (what one fused module cannot hold: global or table imports, several memories
 * or tables, a WASI import of the wrong type) and what only warns (dropped custom sections, exception handling).
 */
final class FuseChecks {
    private FuseChecks() {
    }

    /** One warning line per module whose custom sections (debug info and such) the fused module drops. */
    static List<String> dropped(List<FusePart> parts) {
        List<String> warnings = new ArrayList<>();
        for (FusePart p : parts) {
            Set<String> dropped = new TreeSet<>();
            for (Section s : p.module.sections()) {
                if (s.isCustom() && !KEPT_OR_MERGED.contains(s.customName())) {
                    dropped.add(s.customName());
                }
            }
            if (!dropped.isEmpty()) {
                warnings.add("module '" + p.name() + "': dropped custom section" + (dropped.size() > 1 ? "s " : " ")
                        + String.join(", ", dropped) + " (debug info and such describe the module alone, not the fused one)");
            }
        }
        return warnings;
    }

    /**
     * One warning line when a module uses exception handling (tags, or the feature in its
     * target_features): V8 runs the fused module, a default WAMR build (iwasm, wamrc) refuses it.
     */
    static List<String> exceptionHandling(List<FusePart> parts) {
        List<String> users = new ArrayList<>();
        for (FusePart p : parts) {
            if (p.exceptionHandling) {
                users.add("'" + p.name() + "'");
            }
        }
        if (users.isEmpty()) {
            return List.of();
        }
        return List.of("module" + (users.size() > 1 ? "s " : " ") + String.join(", ", users) + " use" + (users.size() > 1 ? "" : "s")
                + " exception handling: the fused module needs a runtime with exception handling (V8/node, wasmtime);"
                + " a default WAMR build has none");
    }

    /** Custom sections whose content the fused module carries over (names) or that only describe the build. */
    private static final Set<String> KEPT_OR_MERGED = Set.of(NameSection.NAME, ProducersSection.NAME,
            TargetFeaturesSection.NAME, PatchRecord.SECTION);

    static void check(FusePart p) {
        ModuleSections s = p.s;
        for (Import i : s.imports) {
            switch (i.kind()) {
                case GLOBAL:
                    throw new FuseException(p.name(), "imports global " + i.fullName()
                            + ", which nothing in a fused module can provide (WAMR links no global imports)");
                case TABLE:
                    throw new FuseException(p.name(), "imports table " + i.fullName() + "; a fused module has one table of its own");
                default:
                    break;
            }
        }
        if (s.importedMemories + s.memories.size() != 1) {
            throw new FuseException(p.name(), "has " + (s.importedMemories + s.memories.size())
                    + " memories; a fused module has exactly one");
        }
        if (s.tables.size() > 1) {
            throw new FuseException(p.name(), "has " + s.tables.size() + " tables; a fused module has one");
        }
        for (ElementSegment e : s.elements) {
            if (e.active() && e.tableIndex() != 0) {
                throw new FuseException(p.name(), "element segment " + e.index() + " fills table " + e.tableIndex());
            }
        }
    }

    static void checkType(FusePart p, Import i, FuncType have, FuncType want) {
        if (!have.equals(want)) {
            throw new FuseException(p.name(), "imports " + i.fullName() + " as " + have + " instead of WASI's " + want);
        }
    }
}
