package dev.wasmlayout.wasm.sections;

/**
 * A function body in the code section. {@code start} is the size prefix, {@code localsStart} follows it,
 * {@code codeStart} is the first instruction and {@code end} is one past the final {@code end} opcode.
 * {@code index} counts imported functions first.
 */
public record FunctionBody(int index, int start, int localsStart, int codeStart, int end, long localCount) {
}
