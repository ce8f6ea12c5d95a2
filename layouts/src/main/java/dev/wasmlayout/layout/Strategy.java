package dev.wasmlayout.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the rewriter moves a linked module into its regions (see DESIGN.md, "Strategies"). */
public enum Strategy {
    /** Linked with {@code --emit-relocs}: every data address site is rewritten. */
    RELOCATE,
    /** Linked position-independent: {@code __memory_base} and friends are bound to constants. */
    PIC,
    /** Rebuilt with the flags {@code wasm-layout flags} printed: only verified and confined. */
    PLACED;

    /** The name used in manifests and layout.json: lower case. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Strategy> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Strategy::jsonName).toList();
    }
}
