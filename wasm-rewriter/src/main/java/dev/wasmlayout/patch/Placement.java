package dev.wasmlayout.patch;

import java.util.Map;

/**
 * Where one module lives in the shared memory: its regions (end exclusive) and the memory it must
 * import. {@code symbols} gives the start address of every shared and reserved region by name, so
 * undefined data symbols of that name resolve to them. {@code tableBase} is how far the module's
 * function table entries move (its window in a fused module's one table; 0 for an ordinary link):
 * every function pointer in its code and data moves with them.
 */
public record Placement(
        String memoryModule,
        String memoryName,
        long initialPages,
        long maxPages,
        long dataStart,
        long dataEnd,
        long stackLow,
        long stackHigh,
        long heapStart,
        long heapEnd,
        Map<String, Long> symbols,
        Map<String, String> importRenames,
        long tableBase) {

    /** A placement whose table entries stay where they are (an ordinary link). */
    public Placement(String memoryModule, String memoryName, long initialPages, long maxPages, long dataStart,
                     long dataEnd, long stackLow, long stackHigh, long heapStart, long heapEnd, Map<String, Long> symbols,
                     Map<String, String> importRenames) {
        this(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh, heapStart, heapEnd,
                symbols, importRenames, 0);
    }

    public Placement withTableBase(long base) {
        return new Placement(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh,
                heapStart, heapEnd, symbols, importRenames, base);
    }
}
