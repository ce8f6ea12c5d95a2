package dev.wasmlayout.planner;

/** The planner's choices where the manifest and the module say nothing. */
public final class PlanDefaults {

    /**
     * Heap for a module whose manifest entry has no {@code heap} and whose link did not bound one:
     * one wasm page, what such a module would have had at the top of its own memory before growing.
     */
    public static final long HEAP = 65536;

    /** Stacks and heaps are 16-aligned and sized in multiples of 16, as the wasm C ABI wants. */
    public static final long GRANULE = 16;
    /** Data starts at least 16-aligned even when every segment wants less (ARCHITECTURE.md, trap 5). */
    public static final long MIN_DATA_ALIGN = 16;

    private PlanDefaults() {
    }

    static long roundUp(long size) {
        return (size + GRANULE - 1) / GRANULE * GRANULE;
    }
}
