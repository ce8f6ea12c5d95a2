package dev.wasmlayout.wasm.sections;

/** Kinds of imports and exports, with the byte that encodes each (externtype in the spec). */
public enum ExternalKind {
    FUNC(0x00), TABLE(0x01), MEMORY(0x02), GLOBAL(0x03), TAG(0x04);

    private final int code;

    ExternalKind(int code) {
        this.code = code;
    }

    /** The byte that encodes this kind in import and export entries. */
    public int code() {
        return code;
    }

    /** The kind encoded by {@code b}, or null when none is. */
    public static ExternalKind of(int b) {
        for (ExternalKind k : values()) {
            if (k.code == b) {
                return k;
            }
        }
        return null;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
