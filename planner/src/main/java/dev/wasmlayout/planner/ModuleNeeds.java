package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import java.util.Objects;

/**
 * What one linked module needs, as the CLI found by inspecting its wasm file.
 *
 * @param module            the module's name in the manifest
 * @param dataSize          static data extent in bytes, .bss included
 * @param dataAlign         the largest alignment of its data segments (0 or 1 when it has none)
 * @param linkedStackSize   the stack it was linked with; used when the manifest gives no stack
 * @param linkedMemoryBytes its initial memory as linked, for the footprint comparison
 * @param strategy          how the module is moved, chosen by the caller (the manifest's, else what
 *                          inspection found); null when there is none
 * @param heapEndsOnPage    the module finds its heap's end with memory.size (wasi-libc's malloc does):
 *                          its heap must end on a 64 KiB page boundary or the tail is out of its reach
 */
public record ModuleNeeds(String module, long dataSize, long dataAlign, long linkedStackSize,
                          long linkedMemoryBytes, Strategy strategy, boolean heapEndsOnPage) {

    public ModuleNeeds {
        Objects.requireNonNull(module, "module");
    }

    public ModuleNeeds(String module, long dataSize, long dataAlign, long linkedStackSize, long linkedMemoryBytes,
                       Strategy strategy) {
        this(module, dataSize, dataAlign, linkedStackSize, linkedMemoryBytes, strategy, false);
    }
}
