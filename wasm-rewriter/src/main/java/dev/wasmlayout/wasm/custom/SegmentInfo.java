package dev.wasmlayout.wasm.custom;

/** WASM_SEGMENT_INFO entry: a data segment's name, alignment (as log2) and flags. */
public record SegmentInfo(String name, int alignmentLog2, int flags) {
    public static final int FLAG_STRINGS = 0x1;
    public static final int FLAG_TLS = 0x2;
    public static final int FLAG_RETAIN = 0x4;

    public long alignment() {
        return 1L << Math.min(alignmentLog2, 32);
    }
}
