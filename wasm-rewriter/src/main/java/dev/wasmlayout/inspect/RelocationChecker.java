package dev.wasmlayout.inspect;

import dev.wasmlayout.inspect.ModuleFacts.BadSite;
import dev.wasmlayout.inspect.ModuleFacts.RelocationFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.custom.Relocation;
import dev.wasmlayout.wasm.custom.Symbol;
import dev.wasmlayout.wasm.custom.SymbolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Decides whether a module's relocations describe its bytes. After {@code wasm-opt} rewrote the code
 * the {@code reloc.*} sections are still there but point at the wrong bytes (trap 1): every
 * memory-address and index site must be a padded LEB or raw integer holding what its symbol says.
 */
final class RelocationChecker {
    private static final int MAX_REPORTED = 10;

    private RelocationChecker() {
    }

    static RelocationFacts check(ParsedModule m) {
        List<String> names = new ArrayList<>();
        int[] counts = new int[RelocType.values().length]; // counted by type first: no string per relocation
        int total = 0;
        for (RelocSection rs : m.relocs) {
            names.add(rs.name());
            total += rs.entries().size();
            for (Relocation r : rs.entries()) {
                counts[r.type().ordinal()]++;
            }
        }
        Map<String, Integer> byType = new TreeMap<>();
        for (RelocType t : RelocType.values()) {
            if (counts[t.ordinal()] > 0) {
                byType.put("R_WASM_" + t.name(), counts[t.ordinal()]);
            }
        }
        if (m.linking == null || m.relocs.isEmpty()) {
            String why = m.linking == null ? "no linking section" : "no reloc.* sections";
            return new RelocationFacts(false, false, "absent (" + why + "; link with -Wl,--emit-relocs to keep them)", total, 0, 0,
                    names, byType, List.of());
        }
        SymbolValues values = new SymbolValues(m.sections, m.linking);
        List<BadSite> bad = new ArrayList<>();
        int memorySites = 0;
        int checked = 0;
        int badCount = 0;
        for (RelocSection rs : m.relocs) {
            int target = targetId(m, rs);
            if (target != SectionIds.CODE && target != SectionIds.DATA) {
                continue; // debug info relocations do not affect how the module runs
            }
            Section sec = m.module.sections().get(rs.targetSection());
            for (Relocation r : rs.entries()) {
                if (r.type().isAbsoluteMemoryAddress()) {
                    memorySites++;
                }
                Expected e = expected(m, values, r);
                if (e == null) {
                    continue;
                }
                checked++;
                String problem = SiteReader.check(m.bytes(), sec, r, e.value);
                if (problem != null) {
                    badCount++;
                    if (bad.size() < MAX_REPORTED) {
                        bad.add(new BadSite(SectionIds.name(target), (long) sec.payloadStart() + r.offset(),
                                "R_WASM_" + r.type().name(), e.symbol, e.value, problem));
                    }
                }
            }
        }
        boolean trusted = badCount == 0;
        String verdict = trusted
                ? "trusted: " + checked + " sites hold the values their symbols give"
                : "stale: " + badCount + " of " + checked + " relocation sites do not match their symbols"
                        + " (the code was rewritten after linking, e.g. by wasm-opt; relink with -Wl,--emit-relocs"
                        + " and keep wasm-opt off PATH, or pass --no-wasm-opt with clang 20+)";
        return new RelocationFacts(true, trusted, verdict, total, memorySites, checked, names, byType, bad);
    }

    private static int targetId(ParsedModule m, RelocSection rs) {
        List<Section> all = m.module.sections();
        if (rs.targetSection() < 0 || rs.targetSection() >= all.size()) {
            Section self = m.module.custom(rs.name()).orElseThrow();
            throw dev.wasmlayout.wasm.WasmException.malformed(self.payloadStart(), self.displayName(),
                    "relocations for section index " + rs.targetSection() + ", but the module has " + all.size() + " sections");
        }
        Section s = all.get(rs.targetSection());
        return s.isCustom() ? -1 : s.id();
    }

    private record Expected(long value, String symbol) {
    }

    /** The value the site should hold, or null when we cannot tell (undefined symbols, table slots). */
    private static Expected expected(ParsedModule m, SymbolValues values, Relocation r) {
        RelocType t = r.type();
        if (t == RelocType.TYPE_INDEX_LEB) {
            return new Expected(r.symbol(), "type " + r.symbol());
        }
        Symbol s = values.symbol(r.symbol());
        if (s == null) {
            return new Expected(-1, "missing symbol " + r.symbol());
        }
        String name = s.name() != null ? s.name() : s.kind().name().toLowerCase() + "[" + s.index() + "]";
        if (t.isAbsoluteMemoryAddress()) {
            OptionalLong a = values.address(s);
            if (a.isEmpty()) {
                return null;
            }
            long v = a.getAsLong() + r.addend();
            return new Expected(t.site.width >= 8 ? v : v & 0xffffffffL, name);
        }
        switch (t) {
            case FUNCTION_INDEX_LEB:
            case FUNCTION_INDEX_I32:
            case GLOBAL_INDEX_LEB:
            case GLOBAL_INDEX_I32:
            case TABLE_NUMBER_LEB:
            case TAG_INDEX_LEB:
                if (s.kind() == SymbolKind.DATA || s.kind() == SymbolKind.SECTION) {
                    return new Expected(-1, name);
                }
                return new Expected(s.index(), name);
            default:
                return null;
        }
    }
}
