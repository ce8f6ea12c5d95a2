package dev.wasmlayout.inspect;

import dev.wasmlayout.inspect.ModuleFacts.DataFacts;
import dev.wasmlayout.inspect.ModuleFacts.DebugFacts;
import dev.wasmlayout.inspect.ModuleFacts.ExceptionFacts;
import dev.wasmlayout.inspect.ModuleFacts.GrowSite;
import dev.wasmlayout.inspect.ModuleFacts.HeapFacts;
import dev.wasmlayout.inspect.ModuleFacts.MemoryFacts;
import dev.wasmlayout.inspect.ModuleFacts.PicFacts;
import dev.wasmlayout.inspect.ModuleFacts.RelocationFacts;
import dev.wasmlayout.inspect.ModuleFacts.Segment;
import dev.wasmlayout.inspect.ModuleFacts.StackFacts;
import dev.wasmlayout.inspect.ModuleFacts.Strategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.code.CodeScan;
import dev.wasmlayout.wasm.code.ExceptionUse;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.custom.SegmentInfo;
import dev.wasmlayout.wasm.custom.Symbol;
import dev.wasmlayout.wasm.custom.SymbolKind;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.Global;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.Limits;
import dev.wasmlayout.wasm.sections.ModuleSections;
import dev.wasmlayout.wasm.sections.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads {@link ModuleFacts} from a parsed module. */
public final class Inspector {
    private static final long MIN_DATA_ALIGN = 16;

    private final ParsedModule m;
    private final ModuleSections s;
    private final SymbolValues values;

    private Inspector(ParsedModule m) {
        this.m = m;
        this.s = m.sections;
        this.values = new SymbolValues(m.sections, m.linking);
    }

    public static ModuleFacts inspect(String file, byte[] bytes) {
        return inspect(file, ParsedModule.parse(bytes));
    }

    public static ModuleFacts inspect(String file, ParsedModule m) {
        return new Inspector(m).facts(file);
    }

    private ModuleFacts facts(String file) {
        MemoryFacts memory = memory();
        PicFacts pic = pic();
        HeapFacts heap = heap();
        DataFacts data = data(heap, pic);
        StackFacts stack = stack(data, heap);
        RelocationFacts relocs = RelocationChecker.check(m);
        List<GrowSite> grow = growSites();
        List<String> imports = new ArrayList<>();
        for (Import i : s.imports) {
            imports.add(i.fullName() + " (" + i.kind().word() + ")");
        }
        List<String> exports = new ArrayList<>();
        String entry = null;
        for (Export e : s.exports) {
            exports.add(e.name() + " (" + e.kind().word() + ")");
            if (e.kind() == ExternalKind.FUNC && entry == null && (e.name().equals("_start") || e.name().equals("_initialize"))) {
                entry = e.name();
            }
        }
        List<Strategy> strategies = Strategies.decide(memory, relocs, pic, m);
        return new ModuleFacts(file, m.bytes().length, memory, data, stack, heap, relocs, pic, grow, debug(), exceptions(), imports,
                exports, entry, strategies);
    }

    private DebugFacts debug() {
        List<String> dwarf = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (Section sec : m.module.sections()) {
            if (DebugSections.isDwarf(sec)) {
                dwarf.add(sec.customName());
            } else if (sec.isCustom() && (sec.customName().equals(DebugSections.EXTERNAL_DWARF)
                    || sec.customName().equals(DebugSections.SOURCE_MAP))) {
                pointers.add(sec.customName());
            }
        }
        boolean relocated = m.relocs.stream().anyMatch(rs -> DebugSections.targetsDwarf(m, rs));
        return new DebugFacts(List.copyOf(dwarf), relocated, List.copyOf(pointers));
    }

    /** The memory.grow and memory.size sites the parse's pass over the code found: both must stay inside the heap. */
    private List<GrowSite> growSites() {
        List<GrowSite> out = new ArrayList<>();
        for (CodeScan.GrowOp g : m.growOps) {
            out.add(new GrowSite(g.opcode().mnemonic(), g.function(), m.functionName(g.function()), g.offset()));
        }
        return out;
    }

    private ExceptionFacts exceptions() {
        List<String> tags = new ArrayList<>();
        int index = 0;
        for (Import i : s.imports) {
            if (i.kind() == ExternalKind.TAG) {
                tags.add("tag " + index + " " + i.fullName() + " " + params(s.tagType(index)) + " imported");
                index++;
            }
        }
        for (Tag t : s.tags) {
            String name = tagName(t.index());
            tags.add("tag " + t.index() + (name != null ? " " + name : "") + " " + params(s.tagType(t.index())));
        }
        Map<String, Integer> instructions = new LinkedHashMap<>();
        m.exceptions.counts().forEach((op, n) -> instructions.merge(op.mnemonic(), n, Integer::sum));
        ExceptionUse use = m.exceptions;
        return new ExceptionFacts(List.copyOf(tags), Collections.unmodifiableMap(instructions),
                use.legacy() ? use.firstLegacy().mnemonic() : null,
                use.legacy() ? m.functionName(use.firstLegacyFunction()) : null, use.firstLegacyOffset());
    }

    /** A tag's payload types, "(i32)". */
    private static String params(FuncType t) {
        String s = t.toString();
        return s.substring(0, s.indexOf(" -> "));
    }

    /** A defined tag's name from the linking symbol table, or null. */
    private String tagName(int index) {
        if (m.linking != null) {
            for (Symbol sym : m.linking.symbols()) {
                if (sym.kind() == SymbolKind.TAG && sym.index() == index && !sym.undefined() && sym.name() != null) {
                    return sym.name();
                }
            }
        }
        return null;
    }

    private MemoryFacts memory() {
        int count = s.importedMemories + s.memories.size();
        Limits l = null;
        String importName = null;
        for (Import i : s.imports) {
            if (i.kind() == ExternalKind.MEMORY) {
                l = i.memory();
                importName = i.fullName();
                break;
            }
        }
        boolean imported = l != null;
        if (l == null && !s.memories.isEmpty()) {
            l = s.memories.get(0);
        }
        boolean exported = s.exportName(ExternalKind.MEMORY, 0) != null;
        if (l == null) {
            return new MemoryFacts(false, false, null, 0, -1, false, false, 0, false);
        }
        return new MemoryFacts(true, imported, importName, l.min(), l.max(), l.shared(), l.memory64(), count, exported);
    }

    private DataFacts data(HeapFacts heap, PicFacts pic) {
        List<Segment> segs = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = 0;
        long align = MIN_DATA_ALIGN;
        List<SegmentInfo> infos = m.linking != null ? m.linking.segments() : List.of();
        for (DataSegment d : s.data) {
            SegmentInfo info = d.index() < infos.size() ? infos.get(d.index()) : null;
            String name = info != null ? info.name()
                    : m.names != null && m.names.dataSegments().containsKey(d.index()) ? m.names.dataSegments().get(d.index()) : null;
            long a = info != null ? info.alignment() : 1;
            align = Math.max(align, a);
            long addr = d.address();
            segs.add(new Segment(d.index(), name, addr, d.length(), a, d.active()));
            if (addr >= 0) {
                start = Math.min(start, addr);
                end = Math.max(end, addr + d.length());
            }
        }
        String source = "segments";
        if (heap.dataEnd() > end) {
            // .bss that has no segment (memory assumed zero) ends at __data_end (trap 3)
            end = heap.dataEnd();
            source = "__data_end";
        }
        if (pic.pic()) {
            // PIC data is placed by the loader: only its size and alignment are meaningful
            return new DataFacts(0, pic.memorySize(), pic.memorySize(), Math.max(MIN_DATA_ALIGN, pic.memoryAlignment()),
                    "dylink.0", segs);
        }
        if (start == Long.MAX_VALUE) {
            start = end = heap.dataEnd() > 0 ? heap.dataEnd() : 0;
        }
        return new DataFacts(start, end, end - start, align, source, segs);
    }

    private HeapFacts heap() {
        long heapBase = symbolOrExport("__heap_base");
        long heapEnd = symbolOrExport("__heap_end");
        long dataEnd = symbolOrExport("__data_end");
        String source = m.linking != null ? "linking symbols and exported globals" : "exported globals";
        return new HeapFacts(heapBase, heapEnd, dataEnd, source);
    }

    /** Value of a data symbol, or of an exported i32 global of that name, or -1. */
    private long symbolOrExport(String name) {
        OptionalLong v = values.address(name);
        if (v.isPresent()) {
            return v.getAsLong();
        }
        Global g = exportedGlobal(name);
        if (g != null && g.init().value().isPresent()) {
            return g.init().value().getAsLong() & 0xffffffffL;
        }
        return -1;
    }

    private Global exportedGlobal(String name) {
        int index = s.exportedIndex(ExternalKind.GLOBAL, name);
        return index < 0 ? null : definedGlobal(index);
    }

    private Global definedGlobal(int index) {
        int d = index - s.importedGlobals;
        return d >= 0 && d < s.globals.size() ? s.globals.get(d) : null;
    }

    private StackFacts stack(DataFacts data, HeapFacts heap) {
        int sp = -1;
        String source = null;
        if (m.linking != null) {
            Symbol sym = m.linking.find(SymbolKind.GLOBAL, "__stack_pointer");
            if (sym != null) {
                sp = sym.index();
                source = "linking symbol __stack_pointer";
            }
        }
        if (sp < 0 && m.names != null) {
            for (var e : m.names.globals().entrySet()) {
                if (e.getValue().equals("__stack_pointer")) {
                    sp = e.getKey();
                    source = "name section";
                }
            }
        }
        if (sp < 0) {
            for (int i = 0, gi = 0; i < s.imports.size(); i++) {
                Import imp = s.imports.get(i);
                if (imp.kind() == ExternalKind.GLOBAL) {
                    if (imp.name().equals("__stack_pointer")) {
                        sp = gi;
                        source = "import " + imp.fullName();
                    }
                    gi++;
                }
            }
        }
        if (sp < 0) {
            // wasm-ld always makes the stack pointer its first defined global
            for (Global g : s.globals) {
                if (g.type().mutable() && g.type().valueType() == ValueType.I32 && g.init().value().isPresent()) {
                    sp = g.index();
                    source = "first mutable i32 global (no symbols)";
                    break;
                }
            }
        }
        if (sp < 0) {
            return new StackFacts(-1, false, -1, -1, -1, 0, false, "no stack pointer");
        }
        boolean imported = sp < s.importedGlobals;
        Global g = definedGlobal(sp);
        long init = g != null && g.init().value().isPresent() ? g.init().value().getAsLong() & 0xffffffffL : -1;
        long low = symbolOrExport("__stack_low");
        long high = symbolOrExport("__stack_high");
        boolean stackFirst = init >= 0 && data.size() > 0 && init <= data.start();
        if (init >= 0 && high < 0) {
            high = init;
        }
        if (init >= 0 && low < 0) {
            low = stackFirst ? 0 : alignUp(Math.max(data.end(), heap.dataEnd()), 16);
        }
        long size = high >= 0 && low >= 0 && high >= low ? high - low : 0;
        return new StackFacts(sp, imported, init, low, high, size, stackFirst, source);
    }

    private PicFacts pic() {
        boolean memBase = false;
        boolean tableBase = false;
        boolean stackPointer = false;
        List<String> gotMem = new ArrayList<>();
        List<String> gotFunc = new ArrayList<>();
        for (Import i : s.imports) {
            if (i.kind() == ExternalKind.GLOBAL) {
                if (i.module().equals("env") && i.name().equals("__memory_base")) {
                    memBase = true;
                } else if (i.module().equals("env") && i.name().equals("__table_base")) {
                    tableBase = true;
                } else if (i.module().equals("env") && i.name().equals("__stack_pointer")) {
                    stackPointer = true;
                } else if (i.module().equals("GOT.mem")) {
                    gotMem.add(i.name());
                } else if (i.module().equals("GOT.func")) {
                    gotFunc.add(i.name());
                }
            }
        }
        if (m.dylink == null) {
            return new PicFacts(false, 0, 0, 0, memBase, tableBase, stackPointer, gotMem, gotFunc);
        }
        return new PicFacts(true, m.dylink.memorySize(), 1L << Math.min(m.dylink.memoryAlignLog2(), 32),
                m.dylink.tableSize(), memBase, tableBase, stackPointer, gotMem, gotFunc);
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
