package dev.wasmlayout.wasm.sections;

/** A defined global: its type and initializer. {@code index} counts imported globals first. */
public record Global(int index, GlobalType type, InitExpr init) {
}
