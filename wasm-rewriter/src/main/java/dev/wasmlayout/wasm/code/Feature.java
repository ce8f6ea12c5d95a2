package dev.wasmlayout.wasm.code;

/**
 * The spec version or proposal that introduced an opcode. Multi-value (block types as type indices)
 * and extended-const (arithmetic in constant expressions) add no opcodes of their own, so they have
 * no constant here.
 */
public enum Feature {
    MVP("mvp"),
    SIGN_EXTENSION("sign-ext"),
    SATURATING_CONVERSION("nontrapping-fptoint"),
    BULK_MEMORY("bulk-memory"),
    REFERENCE_TYPES("reference-types"),
    SIMD("simd128"),
    RELAXED_SIMD("relaxed-simd"),
    THREADS("atomics"),
    TAIL_CALL("tail-call");

    private final String featureName;

    Feature(String featureName) {
        this.featureName = featureName;
    }

    /** The name LLVM uses in the {@code target_features} section. */
    public String featureName() {
        return featureName;
    }
}
