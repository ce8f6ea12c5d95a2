package dev.wasmlayout.wasm.sections;

public record TableType(int refType, Limits limits) {
}
