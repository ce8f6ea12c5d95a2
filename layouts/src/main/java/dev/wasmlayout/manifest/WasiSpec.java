package dev.wasmlayout.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module's WASI sees when the validator runs it: its arguments after argv[0] (the module's
 * name), its environment, and a file for stdin ({@code null} for an empty stdin).
 */
public record WasiSpec(List<String> argv, Map<String, String> env, Path stdin) {
    public static final WasiSpec NONE = new WasiSpec(List.of(), Map.of(), null);

    public WasiSpec {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
