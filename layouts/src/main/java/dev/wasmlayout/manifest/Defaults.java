package dev.wasmlayout.manifest;

/** What the manifest means when it leaves a value out. */
public final class Defaults {

    /** The memory every linked module imports, as wasm-ld's {@code --import-memory} names it. */
    public static final String MEMORY_IMPORT = "env.memory";

    /**
     * Bytes kept unmapped at address 0 so a null pointer dereference hits a region nobody owns.
     * 1KiB mirrors wasm-ld's default {@code --global-base=1024}, which leaves the same bytes unused.
     */
    public static final long NULL_GUARD = 1024;

    /** Alignment of shared buffers and reserved regions: 16 suits any C type, SIMD included. */
    public static final long ALIGN = 16;

    /** The name of the automatic null guard region. */
    public static final String NULL_GUARD_NAME = "null-guard";

    private Defaults() {
    }
}
