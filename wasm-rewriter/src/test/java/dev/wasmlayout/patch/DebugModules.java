package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.custom.LinkingSection;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The committed modules with debug info (built by build.sh next to them) and what the tests read from them. */
final class DebugModules {
    static final long PAGE = WasmModule.PAGE_SIZE;

    private DebugModules() {
    }

    static Path dir() {
        return TestFiles.root().resolve("wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug");
    }

    static ParsedModule load(String file) {
        return ParsedModule.parse(TestFiles.read(dir().resolve(file)));
    }

    /** Static data moved to {@code dataStart}, a 16 KiB stack above it, the heap up to the end of page 8. */
    static Placement movedTo(ModuleFacts f, long dataStart) {
        long stackLow = (dataStart + f.data().size() + 15) & ~15L;
        long stackHigh = stackLow + 0x4000;
        return new Placement("env", "memory", 8, 16, dataStart, dataStart + f.data().size(), stackLow, stackHigh, stackHigh,
                8 * PAGE, Map.of(), Map.of());
    }

    /** The plan a module built by build.sh's placed flags already matches (data at 64 KiB, memory of 4 pages). */
    static Placement asPlaced(ModuleFacts f) {
        long heapStart = f.heap().heapBase() >= 0 ? f.heap().heapBase() : f.data().end();
        return new Placement("env", "memory", 4, 4, f.data().start(), f.data().end(), f.data().end(), heapStart, heapStart,
                4 * PAGE, Map.of(), Map.of());
    }

    static PatchResult patch(ParsedModule m, String strategy, Placement p) {
        return Patcher.patch(m, Inspector.inspect("in.wasm", m), PatchStrategy.ofWord(strategy), p);
    }

    /** Payloads of the {@code .debug_*} sections by name, in file order. */
    static Map<String, byte[]> dwarf(ParsedModule m) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Section s : m.module.sections()) {
            if (isDwarf(s)) {
                out.put(s.customName(), Arrays.copyOfRange(m.bytes(), s.payloadStart(), s.end()));
            }
        }
        return out;
    }

    static boolean isDwarf(Section s) {
        return s.isCustom() && s.customName().startsWith(".debug_");
    }

    /** The section a relocation section applies to. */
    static Section target(ParsedModule m, RelocSection rs) {
        return m.module.sections().get(rs.targetSection());
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    /** Offset of each body (after its size) from the start of the code section payload, the base DWARF counts from. */
    static int[] bodyOffsets(ParsedModule m) {
        int base = m.module.section(SectionIds.CODE).orElseThrow().payloadStart();
        return m.sections.bodies.stream().mapToInt(b -> b.localsStart() - base).toArray();
    }

    static int[] bodyEnds(ParsedModule m) {
        int base = m.module.section(SectionIds.CODE).orElseThrow().payloadStart();
        return m.sections.bodies.stream().mapToInt(FunctionBody::end).map(e -> e - base).toArray();
    }

    /** Position of the body (0 = first defined function) holding a code offset, or -1. */
    static int bodyAt(ParsedModule m, long offset) {
        int[] starts = bodyOffsets(m);
        int[] ends = bodyEnds(m);
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= offset && offset <= ends[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The module as linked without its linking and reloc.* sections (llvm-dwarfdump-19 cannot read wasm-ld's). */
    static byte[] withoutRelocations(ParsedModule m) {
        ModuleEditor ed = new ModuleEditor(m.module, m.sections.bodies);
        for (Section s : m.module.sections()) {
            if (s.isCustom() && (s.customName().equals(LinkingSection.NAME) || s.customName().startsWith(RelocSection.PREFIX))) {
                ed.remove(s);
            }
        }
        return ed.write();
    }
}
