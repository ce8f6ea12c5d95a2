package dev.wasmlayout.inspect;

import java.util.List;

/**
 * What the planner and the patch strategies need to know about one linked module, as read from its
 * bytes. Addresses are byte addresses in the module's linear memory as linked; -1 means unknown.
 */
public record ModuleFacts(
        String file,
        long size,
        MemoryFacts memory,
        DataFacts data,
        StackFacts stack,
        HeapFacts heap,
        RelocationFacts relocations,
        PicFacts pic,
        List<GrowSite> memoryGrowth,
        DebugFacts debug,
        ExceptionFacts exceptions,
        List<String> imports,
        List<String> exports,
        String entryPoint,
        List<Strategy> strategies) {

    /** The memory: defined or imported, limits in pages, and the features we refuse. */
    public record MemoryFacts(boolean present, boolean imported, String importName, long minPages, long maxPages,
                              boolean shared, boolean memory64, int count, boolean exported) {
    }

    /**
     * Debug information: the {@code .debug_*} (DWARF) sections, whether relocations for them were
     * kept ({@code reloc..debug_*}, what lets relocate keep them true), and {@code external_debug_info}
     * / {@code sourceMappingURL} when present.
     */
    public record DebugFacts(List<String> dwarfSections, boolean dwarfRelocated, List<String> pointers) {
        public boolean present() {
            return !dwarfSections.isEmpty() || !pointers.isEmpty();
        }
    }

    /**
     * Exception handling: every tag ("tag 0 __c_longjmp (i32)", "imported" for an imported one), the
     * count of each exception-handling instruction by mnemonic, and the first instruction of the
     * legacy proposal, which V8 runs and Chicory does not ({@code firstLegacy} null when none).
     */
    public record ExceptionFacts(List<String> tags, java.util.Map<String, Integer> instructions, String firstLegacy,
                                 String firstLegacyFunction, long firstLegacyOffset) {
        public boolean present() {
            return !tags.isEmpty() || !instructions.isEmpty();
        }

        public boolean legacy() {
            return firstLegacy != null;
        }
    }

    /** One data segment; {@code address} is -1 for a passive one. */
    public record Segment(int index, String name, long address, long size, long alignment, boolean active) {
    }

    /**
     * Static data: {@code start}/{@code end} cover every active segment plus .bss (found through the
     * linking section or {@code __data_end}); {@code alignment} is the largest segment alignment.
     */
    public record DataFacts(long start, long end, long size, long alignment, String endSource, List<Segment> segments) {
    }

    /** The stack as linked: {@code low}..{@code high}, the pointer's global and whether it is below the data. */
    public record StackFacts(int pointerGlobal, boolean pointerImported, long initialPointer, long low, long high,
                             long size, boolean stackFirst, String source) {
    }

    /** Heap symbols as linked (-1 when the module does not have them). */
    public record HeapFacts(long heapBase, long heapEnd, long dataEnd, String source) {
    }

    /** One relocation site whose bytes do not hold what its symbol says. */
    public record BadSite(String section, long fileOffset, String type, String symbol, long expected, String found) {
    }

    /** Relocations: whether present, by type, and whether every memory-address site can be trusted. */
    public record RelocationFacts(boolean present, boolean trusted, String verdict, int total, int memoryAddressSites,
                                  int checkedSites, List<String> sections, java.util.Map<String, Integer> byType,
                                  List<BadSite> badSites) {
    }

    /** Position independence: dylink.0 and the imports a PIC module expects the loader to bind. */
    public record PicFacts(boolean pic, long memorySize, long memoryAlignment, long tableSize, boolean importsMemoryBase,
                           boolean importsTableBase, boolean importsStackPointer, List<String> gotMem,
                           List<String> gotFunc) {
    }

    /** A use of memory.grow or memory.size. */
    public record GrowSite(String instruction, int function, String functionName, long fileOffset) {
    }

    /** Whether a patch strategy applies to this module, and why (not). */
    public record Strategy(String name, boolean applies, String reason) {
    }

    /** The strategy to use by default: the first that applies, or null. */
    public String preferredStrategy() {
        for (Strategy s : strategies) {
            if (s.applies()) {
                return s.name();
            }
        }
        return null;
    }
}
