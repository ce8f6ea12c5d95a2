package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.layout.Strategy;

/**
 * The one place a {@link Strategy} meets wasm-rewriter, which names strategies as text ("relocate",
 * "pic", "placed") because it does not depend on {@code layouts}.
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

    /** The name {@code Patcher.patch} takes. */
    static String name(Strategy strategy) {
        return strategy.jsonName();
    }
}
