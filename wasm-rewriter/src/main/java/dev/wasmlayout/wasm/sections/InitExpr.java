package dev.wasmlayout.wasm.sections;

import java.util.OptionalLong;

/**
 * A constant expression as it sits in the file ({@code [start, end)}, end byte included), with its
 * value when it is a constant or constant arithmetic, and the global it reads when it is a
 * plain {@code global.get} (-1 otherwise).
 */
public record InitExpr(int start, int end, OptionalLong value, int globalGet) {
}
