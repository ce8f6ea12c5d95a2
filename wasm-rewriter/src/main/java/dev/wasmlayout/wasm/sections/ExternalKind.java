package dev.wasmlayout.wasm.sections;

/** Kinds of imports and exports. */
public enum ExternalKind {
    FUNC, TABLE, MEMORY, GLOBAL, TAG;

    public static ExternalKind of(int b) {
        return b >= 0 && b < values().length ? values()[b] : null;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
