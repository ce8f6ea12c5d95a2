package dev.wasmlayout.layout;

import java.util.Objects;

/**
 * Which input file becomes which module and how it is moved.
 *
 * @param input the module's wasm path as written in the manifest
 */
public record ModuleAssignment(String name, String input, Strategy strategy) {

    public ModuleAssignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(strategy, "strategy");
    }
}
