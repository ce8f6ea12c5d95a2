package dev.wasmlayout.wasm.sections;

public record GlobalType(int valueType, boolean mutable) {
}
