package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.inspect.SymbolValues;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.custom.Relocation;
import dev.wasmlayout.wasm.custom.SegmentInfo;
import dev.wasmlayout.wasm.custom.Symbol;

/**
 * The relocate strategy: a module linked with {@code -Wl,--emit-relocs} has every place that holds a
 * static address listed in {@code reloc.CODE} / {@code reloc.DATA}. Each such site is a padded LEB or
 * a raw i32, so it is rewritten in place and every byte around it stays where it was. The addresses
 * in DWARF ({@code reloc..debug_*}) are rewritten by {@link DebugInfo} in the common steps, once the
 * code section's final layout is known.
 */
final class RelocatePatcher {
    private RelocatePatcher() {
    }

    /** Relocations present and trusted, no thread-local data, and the data fits its region; opens the address map. */
    static final class CheckRelocations implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            ModuleFacts facts = c.facts;
            Placement p = c.placement;
            if (!facts.relocations().present()) {
                throw new PatchException("relocate needs relocations: " + facts.relocations().verdict());
            }
            if (!facts.relocations().trusted()) {
                throw new PatchException("relocations are " + facts.relocations().verdict());
            }
            refuseTls(c.parsed);
            long need = facts.data().size();
            long have = p.dataEnd() - p.dataStart();
            if (need > have) {
                throw new PatchException("static data needs " + need + " bytes but its region has " + have
                        + " (overflowed by " + (need - have) + " bytes)");
            }
            c.map = new AddressMap(facts.data().start(), facts.data().end(), p);
        }
    }

    /** Rewrites every relocation site that holds a data address, in place in a copy of the bytes. */
    static final class MoveSites implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            c.bytes = c.parsed.bytes().clone();
            int sites = patchSites(c.parsed, c.map, c.bytes);
            c.log.add("moved static data " + hex(c.facts.data().start()) + ".." + hex(c.facts.data().end()) + " to "
                    + hex(c.placement.dataStart()) + " (delta " + c.map.delta() + "); rewrote " + sites + " relocation sites");
        }
    }

    private static void refuseTls(ParsedModule m) {
        if (m.linking == null) {
            return;
        }
        for (SegmentInfo s : m.linking.segments()) {
            if ((s.flags() & SegmentInfo.FLAG_TLS) != 0) {
                throw new PatchException("module has thread-local data (segment " + s.name()
                        + "), which relocate cannot move");
            }
        }
    }

    /** Rewrites every absolute memory-address site of the code and data sections in {@code out}. */
    private static int patchSites(ParsedModule m, AddressMap map, byte[] out) {
        SymbolValues values = new SymbolValues(m.sections, m.linking);
        int[] count = {0};
        forEachSite(m, (at, r) -> {
            RelocType t = r.type();
            if (t == RelocType.MEMORY_ADDR_TLS_SLEB || t == RelocType.MEMORY_ADDR_TLS_SLEB64) {
                throw new PatchException("module uses thread-local storage relocations, which relocate cannot move");
            }
            if (!t.isAbsoluteMemoryAddress()) {
                return; // relative (REL, LOCREL) sites keep their meaning when everything moves together
            }
            Symbol s = values.symbol(r.symbol());
            writeSite(out, at, t, map.symbol(s, values.address(s)) + r.addend());
            count[0]++;
        });
        return count[0];
    }

    /** A relocation site of the code or data section, at its offset in the module's bytes. */
    interface SiteVisitor {
        void visit(int at, Relocation r);
    }

    /** Visits every relocation site in the code and data sections (the ones a move rewrites; DWARF has its own). */
    static void forEachSite(ParsedModule m, SiteVisitor visitor) {
        for (RelocSection rs : m.relocs) {
            Section target = m.module.sections().get(rs.targetSection());
            if (target.isCustom() || (target.id() != SectionIds.CODE && target.id() != SectionIds.DATA)) {
                continue;
            }
            for (Relocation r : rs.entries()) {
                visitor.visit(target.payloadStart() + r.offset(), r);
            }
        }
    }

    static void writeSite(byte[] out, int at, RelocType t, long value) {
        switch (t.site) {
            case LEB5: ByteWriter.writePaddedU32(out, at, value & 0xffffffffL); break;
            case SLEB5: ByteWriter.writePaddedS32(out, at, (int) value); break;
            case I32:
                for (int i = 0; i < 4; i++) {
                    out[at + i] = (byte) (value >>> (8 * i));
                }
                break;
            default: throw new PatchException("64-bit relocation " + t + " in a 32-bit memory");
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
