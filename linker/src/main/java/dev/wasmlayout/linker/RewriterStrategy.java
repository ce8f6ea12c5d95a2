package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.layout.Strategy;

/**
 * The one place a {@link Strategy} (layouts: the manifest's word for it) meets wasm-rewriter's
 * {@link PatchStrategy}: the rewriter does not depend on {@code layouts}, so the two enums meet here, by name.
 */
final class RewriterStrategy {
    private RewriterStrategy() {
    }

    /** The first strategy inspection says applies, or null when none does. */
    static Strategy preferred(ModuleFacts facts) {
        String name = facts.preferredStrategy();
        if (name == null) {
            return null;
        }
        return Strategy.fromName(name).orElseThrow(() -> new IllegalStateException(
                "wasm-rewriter named a strategy layouts does not know: " + name));
    }

    /** The strategy {@code Patcher.patch} takes. */
    static PatchStrategy of(Strategy strategy) {
        return PatchStrategy.ofWord(strategy.jsonName());
    }
}
