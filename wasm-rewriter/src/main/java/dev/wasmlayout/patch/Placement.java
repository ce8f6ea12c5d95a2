package dev.wasmlayout.patch;

import java.util.Map;

/**
 * Where one module lives in the shared memory: its regions (end exclusive) and the memory it must
 * import. {@code symbols} gives the start address of every shared and reserved region by name, so
 * undefined data symbols of that name resolve to them. {@code tableBase} is how far the module's
 * function table entries move (its window in a fused module's one table; 0 for an ordinary link):
 * every function pointer in its code and data moves with them. {@code stackCheck}: every update of the
 * stack pointer is checked against [stackLow, stackHigh] and traps outside it ({@link StackCheck}).
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
        long tableBase,
        boolean stackCheck) {

    /** A placement whose table entries stay where they are (an ordinary link), with the stack check on (the default). */
    public Placement(String memoryModule, String memoryName, long initialPages, long maxPages, long dataStart,
                     long dataEnd, long stackLow, long stackHigh, long heapStart, long heapEnd, Map<String, Long> symbols,
                     Map<String, String> importRenames) {
        this(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh, heapStart, heapEnd,
                symbols, importRenames, 0, true);
    }

    public Placement withTableBase(long base) {
        return new Placement(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh,
                heapStart, heapEnd, symbols, importRenames, base, stackCheck);
    }

    /** The same placement with the stack check on or off. */
    public Placement withStackCheck(boolean on) {
        return new Placement(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh,
                heapStart, heapEnd, symbols, importRenames, tableBase, on);
    }
}
