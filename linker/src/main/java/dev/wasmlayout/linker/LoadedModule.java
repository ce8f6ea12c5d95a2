package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.manifest.ModuleSpec;

/** A manifest module with its bytes read and inspected. */
public record LoadedModule(ModuleSpec spec, byte[] bytes, ParsedModule parsed, ModuleFacts facts) {

    public String name() {
        return spec.name();
    }

    /** The strategy: the manifest's, else the first one inspection says applies (null if none). */
    public String strategy() {
        return spec.strategy().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(facts.preferredStrategy());
    }
}
