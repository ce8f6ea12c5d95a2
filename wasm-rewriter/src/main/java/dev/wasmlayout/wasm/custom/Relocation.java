package dev.wasmlayout.wasm.custom;

/** One relocation: {@code offset} is relative to the target section's payload, as in the file. */
public record Relocation(RelocType type, int offset, int symbol, long addend) {
}
