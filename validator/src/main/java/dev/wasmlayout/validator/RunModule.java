package dev.wasmlayout.validator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One linked module and its WASI environment. {@code functionImports} maps an import module name to
 * the module of the set that provides it; an import module named like a module of the set needs no entry.
 * {@code args} are the arguments after argv[0], which is the module name. {@code stdin} may be null (empty input).
 */
public record RunModule(String name, byte[] wasm, Map<String, String> functionImports, Path stdin, List<String> args,
                        Map<String, String> env) {
    public RunModule {
        functionImports = Map.copyOf(functionImports);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** A module with no imports from other modules, no stdin, no arguments and no environment. */
    public static RunModule of(String name, byte[] wasm) {
        return new RunModule(name, wasm, Map.of(), null, List.of(), Map.of());
    }
}
