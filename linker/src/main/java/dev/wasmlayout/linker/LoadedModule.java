package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.manifest.ModuleSpec;

/** A manifest module with its bytes read and inspected. */
public record LoadedModule(ModuleSpec spec, byte[] bytes, ParsedModule parsed, ModuleFacts facts) {

    public String name() {
        return spec.name();
    }

    /**
     * How the module is moved, decided here once for the planner and the patcher: the manifest's
     * strategy, else the first one inspection says applies (null if none).
     */
    public Strategy strategy() {
        return spec.strategy().orElseGet(() -> RewriterStrategy.preferred(facts));
    }
}
