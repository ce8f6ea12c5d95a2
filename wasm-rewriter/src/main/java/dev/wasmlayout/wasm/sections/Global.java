package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.code.ConstExpr;

/** A defined global: its type and initializer. {@code index} counts imported globals first. */
public record Global(int index, GlobalType type, ConstExpr init) {
}
