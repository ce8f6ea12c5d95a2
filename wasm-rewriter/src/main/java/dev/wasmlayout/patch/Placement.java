package dev.wasmlayout.patch;

import java.util.Map;

/**
 * Where one module lives in the shared memory: its regions (end exclusive) and the memory it must
 * import. {@code symbols} gives the start address of every shared and reserved region by name, so
 * undefined data symbols of that name resolve to them.
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
        Map<String, String> importRenames) {
}
