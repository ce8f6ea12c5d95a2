package dev.wasmlayout.wasm.custom;

public record InitFunc(int priority, int symbol) {
}
