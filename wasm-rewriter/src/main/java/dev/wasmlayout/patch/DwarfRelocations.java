package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.DebugSections;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.inspect.SiteReader;
import dev.wasmlayout.inspect.SymbolValues;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.custom.Relocation;
import dev.wasmlayout.wasm.custom.Symbol;
import dev.wasmlayout.wasm.custom.SymbolKind;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rewrites the addresses DWARF holds, through the relocations wasm-ld keeps for the {@code .debug_*}
 * sections with {@code --emit-relocs}. R_WASM_MEMORY_ADDR_* sites (DW_OP_addr of globals and
 * statics, {@code .debug_addr} entries) go through the same {@link AddressMap} as code and data.
 * R_WASM_FUNCTION_OFFSET_I32 sites (low_pc, the line table's set_address, range and location list
 * bounds, {@code .debug_addr}) follow their function's body in the patched code section. A function
 * whose inside was rewritten gets the linker's tombstone, as wasm-ld does for a function it removed:
 * DWARF stores everything else in it as deltas from its start (line advances, high_pc), which are
 * wrong past the rewritten instruction and cannot be fixed through relocations.
 * Other relocation types need nothing: R_WASM_SECTION_OFFSET_I32 points into debug sections that are
 * copied unchanged, and R_WASM_GLOBAL_INDEX_I32 (frame bases) and function or type indices stay true
 * because a patch only appends globals, functions and types.
 */
final class DwarfRelocations {
    /** Relocations for a symbol wasm-ld dropped (gc-sections) name this index and already hold a tombstone. */
    private static final int DROPPED_SYMBOL = -1;

    private DwarfRelocations() {
    }

    /**
     * The rewritten debug sections by section index, or a {@code problem} that says why the
     * relocations cannot be trusted (then nothing was rewritten and the caller drops the DWARF).
     */
    record Result(Map<Integer, byte[]> payloads, int dataSites, int codeSites, Set<String> deadFunctions, String problem) {
        static Result problem(String why) {
            return new Result(Map.of(), 0, 0, Set.of(), why);
        }
    }

    /**
     * wasm-ld's value for a code address of a removed function: -1, except -2 in {@code .debug_ranges}
     * and {@code .debug_loc} where -1 already means "base address selection" (lld InputChunks.cpp).
     */
    static long tombstone(String section) {
        return section.equals(".debug_ranges") || section.equals(".debug_loc") ? 0xfffffffeL : 0xffffffffL;
    }

    /**
     * @param before the module's bytes as linked (relocation sites in code and data may already be
     *               rewritten; debug sections are not)
     */
    static Result rewrite(ParsedModule m, byte[] before, AddressMap map, CodeShift code) {
        Sites sites = new Sites(m, before, map, code);
        Map<Integer, byte[]> payloads = new TreeMap<>();
        try {
            for (RelocSection rs : m.relocs) {
                if (DebugSections.targetsDwarf(m, rs)) {
                    Section sec = m.module.sections().get(rs.targetSection());
                    byte[] payload = payloads.computeIfAbsent(rs.targetSection(),
                            i -> Arrays.copyOfRange(before, sec.payloadStart(), sec.end()));
                    sites.rewrite(rs, sec, payload);
                }
            }
        } catch (Untrusted e) {
            return Result.problem(e.getMessage());
        }
        return new Result(payloads, sites.dataSites, sites.codeSites, sites.dead, null);
    }

    /** Why the debug relocations cannot be trusted; ends the rewrite. */
    private static final class Untrusted extends Exception {
        Untrusted(String message) {
            super(message, null, false, false);
        }
    }

    /** The new value of each site, checked against what the linker wrote there. */
    private static final class Sites {
        private final ParsedModule m;
        private final byte[] before;
        private final AddressMap map;
        private final CodeShift code;
        private final SymbolValues values;
        private final Set<String> dead = new TreeSet<>();
        private int dataSites;
        private int codeSites;

        Sites(ParsedModule m, byte[] before, AddressMap map, CodeShift code) {
            this.m = m;
            this.before = before;
            this.map = map;
            this.code = code;
            this.values = new SymbolValues(m.sections, m.linking);
        }

        void rewrite(RelocSection rs, Section sec, byte[] payload) throws Untrusted {
            for (Relocation r : rs.entries()) {
                RelocType t = r.type();
                boolean memory = t.isAbsoluteMemoryAddress();
                boolean function = t == RelocType.FUNCTION_OFFSET_I32 || t == RelocType.FUNCTION_OFFSET_I64;
                if (!memory && !function || r.symbol() == DROPPED_SYMBOL) {
                    continue;
                }
                if (t.site.width >= 8) {
                    throw new Untrusted(rs.name() + " has 64-bit relocations (" + t + "), which a 32-bit memory cannot hold");
                }
                if (r.offset() < 0 || (long) r.offset() + t.site.width > payload.length) {
                    throw new Untrusted(rs.name() + " has a site at offset " + r.offset() + ", outside " + sec.customName());
                }
                Symbol s = values.symbol(r.symbol());
                if (s == null) {
                    throw new Untrusted(rs.name() + " names symbol " + r.symbol() + ", which the symbol table does not have");
                }
                OptionalLong value = memory ? dataAddress(rs, sec, r, s) : codeOffset(rs, sec, r, s);
                if (value.isPresent()) {
                    RelocatePatcher.writeSite(payload, r.offset(), t, value.getAsLong());
                }
            }
        }

        /** Through the address map, as in code and data; empty to leave the site as linked. */
        private OptionalLong dataAddress(RelocSection rs, Section sec, Relocation r, Symbol s) throws Untrusted {
            if (s.kind() != SymbolKind.DATA) {
                throw new Untrusted(rs.name() + ": " + r.type() + " against " + s.kind() + " symbol " + s.name());
            }
            if (s.undefined() && !map.isRegion(s.name())) {
                return OptionalLong.empty(); // nothing in the plan defines it: as the linker left it
            }
            OptionalLong old = values.address(s);
            if (old.isPresent()) {
                check(rs, sec, r, s, old.getAsLong() + r.addend());
            }
            dataSites++;
            return OptionalLong.of(map.symbol(s, old) + r.addend());
        }

        /** Where the function's body now is, or the tombstone when its inside changed; empty to leave the site. */
        private OptionalLong codeOffset(RelocSection rs, Section sec, Relocation r, Symbol s) throws Untrusted {
            if (s.kind() != SymbolKind.FUNCTION) {
                throw new Untrusted(rs.name() + ": " + r.type() + " against " + s.kind() + " symbol " + s.name());
            }
            if (s.undefined()) {
                return OptionalLong.empty(); // an imported function has no code here; the linker wrote a tombstone
            }
            int f = s.index();
            if (!code.defines(f) || r.addend() < 0 || r.addend() > code.length(f)) {
                throw new Untrusted(rs.name() + ": code offset " + r.addend() + " into function " + f + " is outside its body");
            }
            check(rs, sec, r, s, code.oldOffset(f) + r.addend());
            codeSites++;
            if (code.insideKept(f)) {
                return OptionalLong.of(code.newOffset(f) + r.addend());
            }
            dead.add(m.functionName(f));
            return OptionalLong.of(tombstone(sec.customName()));
        }

        /** The linker wrote symbol + addend at every site: anything else means the DWARF changed after the link. */
        private void check(RelocSection rs, Section sec, Relocation r, Symbol s, long expected) throws Untrusted {
            String bad = SiteReader.check(before, sec, r, expected);
            if (bad != null) {
                throw new Untrusted(rs.name() + " site at offset " + r.offset() + " (R_WASM_" + r.type() + " "
                        + (s.name() != null ? s.name() : "#" + s.number()) + ") " + bad + ", not what its symbol gives"
                        + " (the debug info changed after linking)");
            }
        }
    }
}
