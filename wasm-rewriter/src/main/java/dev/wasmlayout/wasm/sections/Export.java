package dev.wasmlayout.wasm.sections;

public record Export(String name, ExternalKind kind, int index) {
}
