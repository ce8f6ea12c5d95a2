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
    TAIL_CALL("tail-call"),
    /** try_table, throw, throw_ref and the tag section: the final exception-handling proposal. */
    EXCEPTION_HANDLING("exception-handling"),
    /**
     * try, catch, catch_all, rethrow and delegate: the first exception-handling design, which clang
     * 19 still emits and V8 still runs; LLVM names both designs "exception-handling".
     */
    LEGACY_EXCEPTION_HANDLING("exception-handling");

    private final String featureName;

    Feature(String featureName) {
        this.featureName = featureName;
    }

    /** The name LLVM uses in the {@code target_features} section. */
    public String featureName() {
        return featureName;
    }
}
