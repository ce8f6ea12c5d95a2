package dev.wasmlayout.wasm.custom;

/** Symbol kinds of the linking section's symbol table (tool-conventions Linking.md). */
public enum SymbolKind {
    FUNCTION, DATA, GLOBAL, SECTION, TAG, TABLE;

    public static SymbolKind of(int b) {
        return b >= 0 && b < values().length ? values()[b] : null;
    }
}
