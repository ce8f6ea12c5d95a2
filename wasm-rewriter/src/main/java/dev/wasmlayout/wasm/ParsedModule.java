package dev.wasmlayout.wasm;

import dev.wasmlayout.wasm.code.CodeScan;
import dev.wasmlayout.wasm.code.ExceptionUse;
import dev.wasmlayout.wasm.custom.Dylink0Section;
import dev.wasmlayout.wasm.custom.LinkingSection;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.custom.ProducersSection;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.custom.TargetFeaturesSection;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A module with every section the tool understands decoded: the standard sections and the custom
 * sections {@code name}, {@code linking}, {@code reloc.*}, {@code dylink.0}, {@code producers},
 * {@code target_features}. Other custom sections (debug info) stay raw. Every function body is decoded
 * once while parsing ({@link CodeScan}), so malformed code is refused on read; what that pass found
 * (memory.grow/memory.size sites, exception-handling instructions) is kept for inspection, which then
 * does not decode the code again.
 */
public final class ParsedModule {
    public final WasmModule module;
    public final ModuleSections sections;
    public final LinkingSection linking;
    public final List<RelocSection> relocs;
    public final NameSection names;
    public final Dylink0Section dylink;
    public final ProducersSection producers;
    public final TargetFeaturesSection targetFeatures;
    /** Every memory.grow and memory.size in file order, found while the code was checked. */
    public final List<CodeScan.GrowOp> growOps;
    /** The exception-handling instructions, found in the same pass. */
    public final ExceptionUse exceptions;

    private ParsedModule(WasmModule module) {
        this.module = module;
        byte[] b = module.bytes();
        this.sections = ModuleSections.decode(module);
        this.linking = module.custom(LinkingSection.NAME).map(s -> LinkingSection.read(b, s)).orElse(null);
        List<RelocSection> rs = new ArrayList<>();
        for (Section s : module.customs(RelocSection.PREFIX)) {
            rs.add(RelocSection.read(b, s));
        }
        this.relocs = Collections.unmodifiableList(rs);
        this.names = module.custom(NameSection.NAME).map(s -> NameSection.read(b, s)).orElse(null);
        this.dylink = module.custom(Dylink0Section.NAME).map(s -> Dylink0Section.read(b, s)).orElse(null);
        this.producers = module.custom(ProducersSection.NAME).map(s -> ProducersSection.read(b, s)).orElse(null);
        this.targetFeatures = module.custom(TargetFeaturesSection.NAME).map(s -> TargetFeaturesSection.read(b, s)).orElse(null);
        CodeScan.Findings code = CodeScan.check(module, sections);
        this.growOps = code.growOps();
        this.exceptions = code.exceptions();
    }

    public static ParsedModule parse(byte[] bytes) {
        return new ParsedModule(WasmModule.read(bytes));
    }

    public byte[] bytes() {
        return module.bytes();
    }

    /** Index of the function with that name (name section or symbol table), or -1. */
    public int functionIndex(String name) {
        if (names != null) {
            for (var e : names.functions().entrySet()) {
                if (e.getValue().equals(name)) {
                    return e.getKey();
                }
            }
        }
        if (linking != null) {
            var s = linking.find(dev.wasmlayout.wasm.custom.SymbolKind.FUNCTION, name);
            if (s != null && !s.undefined()) {
                return s.index();
            }
        }
        return -1;
    }

    /** Function name from the name section, else from the linking symbol table, else "func[N]". */
    public String functionName(int index) {
        if (names != null && names.functions().containsKey(index)) {
            return names.functions().get(index);
        }
        if (linking != null) {
            for (var s : linking.symbols()) {
                if (s.kind() == dev.wasmlayout.wasm.custom.SymbolKind.FUNCTION && s.index() == index && s.name() != null
                        && !s.undefined()) {
                    return s.name();
                }
            }
        }
        return "func[" + index + "]";
    }
}
