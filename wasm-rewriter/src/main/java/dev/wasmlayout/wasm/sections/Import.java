package dev.wasmlayout.wasm.sections;

/**
 * An import. Exactly one of the descriptors is set, by kind: {@code typeIndex} (func, and tag: the
 * tag's function type), {@code table}, {@code memory}, {@code global}.
 */
public record Import(String module, String name, ExternalKind kind, int typeIndex, TableType table, Limits memory,
                     GlobalType global, int offset) {

    public String fullName() {
        return module + "." + name;
    }
}
