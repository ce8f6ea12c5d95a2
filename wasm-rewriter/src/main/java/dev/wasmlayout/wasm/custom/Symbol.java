package dev.wasmlayout.wasm.custom;

/**
 * One symbol table entry. For functions, globals, tables and tags {@code index} is the index in its
 * space; for data it is the segment index (when defined) with {@code offset} and {@code size} inside
 * it; for sections it is the section index. {@code name} may be null for an imported symbol without
 * an explicit name (its name is then the import's).
 */
public record Symbol(int number, SymbolKind kind, int flags, String name, int index, long offset, long size) {
    public static final int BINDING_WEAK = 0x1;
    public static final int BINDING_LOCAL = 0x2;
    public static final int VISIBILITY_HIDDEN = 0x4;
    public static final int UNDEFINED = 0x10;
    public static final int EXPORTED = 0x20;
    public static final int EXPLICIT_NAME = 0x40;
    public static final int NO_STRIP = 0x80;
    public static final int TLS = 0x100;
    public static final int ABSOLUTE = 0x200;

    public boolean undefined() {
        return (flags & UNDEFINED) != 0;
    }

    public boolean absolute() {
        return (flags & ABSOLUTE) != 0;
    }
}
