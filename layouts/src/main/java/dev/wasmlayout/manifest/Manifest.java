package dev.wasmlayout.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked manifest: names are unique, references resolve, module files exist. Built by
 * {@link ManifestReader}; tests and tools may build one directly (no checks then).
 *
 * @param file the manifest as given to the reader; module paths are relative to its folder
 */
public record Manifest(Path file, MemorySpec memory, List<ReserveSpec> reserve, List<SharedSpec> shared,
                       List<ModuleSpec> modules, List<RunStep> run) {

    public Manifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(memory, "memory");
        reserve = List.copyOf(reserve);
        shared = List.copyOf(shared);
        modules = List.copyOf(modules);
        run = List.copyOf(run);
    }

    /** The folder relative paths in the manifest start from. */
    public Path folder() {
        return folderOf(file);
    }

    static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /** True when the plan keeps a guard region at address 0 (see {@link MemorySpec#nullGuard()}). */
    public boolean nullGuard() {
        return memory.nullGuard() > 0;
    }

    public Optional<ModuleSpec> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
