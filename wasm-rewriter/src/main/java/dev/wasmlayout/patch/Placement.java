package dev.wasmlayout.patch;

import java.util.Map;

/**
 * Where one module lives in the shared memory: its regions (end exclusive) and the memory it must
 * import. {@code symbols} gives the start address of every shared and reserved region by name, so
 * undefined data symbols of that name resolve to them. {@code stackCheck}: every update of the stack
 * pointer is checked against [stackLow, stackHigh] and traps outside it ({@link StackCheck}).
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
        boolean stackCheck) {

    /** A placement with the stack check on (the default). */
    public Placement(String memoryModule, String memoryName, long initialPages, long maxPages, long dataStart,
                     long dataEnd, long stackLow, long stackHigh, long heapStart, long heapEnd, Map<String, Long> symbols,
                     Map<String, String> importRenames) {
        this(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh, heapStart, heapEnd,
                symbols, importRenames, true);
    }

    /** The same placement with the stack check on or off. */
    public Placement withStackCheck(boolean on) {
        return new Placement(memoryModule, memoryName, initialPages, maxPages, dataStart, dataEnd, stackLow, stackHigh,
                heapStart, heapEnd, symbols, importRenames, on);
    }
}
