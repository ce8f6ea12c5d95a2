package dev.wasmlayout.manifest;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.source.Location;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A module that lives in the shared memory.
 *
 * @param wasm     the path as written in the manifest (relative to the manifest's folder)
 * @param wasmPath {@code wasm} resolved against the manifest's folder
 * @param stack    stack bytes; empty = as the module was linked
 * @param heap     heap bytes, 0 = no heap; empty = as linked, else the planner's default
 * @param imports  wasm import module name -> the manifest module that provides it, in written order
 * @param optional the set works without it (tracing, debugging); it is still planned and checked
 * @param strategy how to move it; empty = chosen from what inspection finds
 * @param wasi     arguments, environment and stdin for the validator's run
 * @param stackCheck every update of its stack pointer is checked against its stack region (the module's
 *                 {@code stack-check}, else the one under {@code memory:}, else true)
 */
public record ModuleSpec(String name, String wasm, Path wasmPath, OptionalLong stack, OptionalLong heap,
                         Map<String, String> imports, boolean optional, Optional<Strategy> strategy,
                         Location location, WasiSpec wasi, boolean stackCheck) {

    public ModuleSpec(String name, String wasm, Path wasmPath, OptionalLong stack, OptionalLong heap,
                      Map<String, String> imports, boolean optional, Optional<Strategy> strategy, Location location,
                      WasiSpec wasi) {
        this(name, wasm, wasmPath, stack, heap, imports, optional, strategy, location, wasi, true);
    }

    public ModuleSpec(String name, String wasm, Path wasmPath, OptionalLong stack, OptionalLong heap,
                      Map<String, String> imports, boolean optional, Optional<Strategy> strategy, Location location) {
        this(name, wasm, wasmPath, stack, heap, imports, optional, strategy, location, WasiSpec.NONE);
    }

    public ModuleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wasm, "wasm");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(strategy, "strategy");
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        wasi = wasi == null ? WasiSpec.NONE : wasi;
    }
}
