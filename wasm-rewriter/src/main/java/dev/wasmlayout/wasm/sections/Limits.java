package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;

/** Memory or table limits; {@code max} is -1 when absent. */
public record Limits(long min, long max, boolean shared, boolean memory64) {

    public boolean hasMax() {
        return max >= 0;
    }

    public static Limits read(ByteReader r) {
        int at = r.pos();
        int flags = r.u8();
        if ((flags & ~0x07) != 0) {
            throw r.malformedAt(at, String.format("unknown limits flags 0x%02x", flags));
        }
        boolean hasMax = (flags & 1) != 0;
        boolean shared = (flags & 2) != 0;
        boolean is64 = (flags & 4) != 0;
        long min = is64 ? r.u64() : r.u32();
        long max = hasMax ? (is64 ? r.u64() : r.u32()) : -1;
        return new Limits(min, max, shared, is64);
    }
}
