package dev.wasmlayout.inspect;

import java.util.Locale;

/**
 * How a linked module can be moved into its regions: inspection says which apply ({@link ModuleFacts#strategies()}),
 * {@code patch.Patcher} runs one. The manifest's {@code strategy} (layouts' {@code Strategy}) maps to it by name;
 * wasm-rewriter does not depend on layouts.
 */
public enum PatchStrategy {
    /** Linked with {@code --emit-relocs}: every data address site is rewritten in place. */
    RELOCATE,
    /** Linked position-independent: the loader's {@code __memory_base} and friends are bound to constants. */
    PIC,
    /** Rebuilt with the flags {@code wasm-layout flags} prints: checked against the plan and confined. */
    PLACED;

    /** The name in manifests, facts and the patch record: lower case. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy named {@code word}, or null for null. */
    public static PatchStrategy ofWord(String word) {
        if (word == null) {
            return null;
        }
        for (PatchStrategy s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no patch strategy '" + word + "'");
    }
}
