package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.util.Objects;

/**
 * The shared memory: what modules import it as, the budget, and the null guard.
 *
 * @param importName "module.name" every linked module imports, e.g. {@code env.memory}
 * @param max        the budget in bytes, a whole number of 64KiB pages
 * @param nullGuard  bytes guarded at address 0; 0 when disabled (by {@code null-guard: false} or
 *                   {@code 0}, or implicitly because a reserve or shared region is fixed at 0)
 * @param location   where the {@code memory} mapping starts (null when built in code)
 * @param stackCheck the default of every module's {@code stack-check} (true unless {@code stack-check: false})
 */
public record MemorySpec(String importName, long max, long nullGuard, Location location, boolean stackCheck) {

    public MemorySpec {
        Objects.requireNonNull(importName, "importName");
    }

    /** A memory whose modules check their stacks (the default). */
    public MemorySpec(String importName, long max, long nullGuard, Location location) {
        this(importName, max, nullGuard, location, true);
    }

    public String importModule() {
        return importName.substring(0, importName.indexOf('.'));
    }

    public String importField() {
        return importName.substring(importName.indexOf('.') + 1);
    }

    public long maxPages() {
        return max / dev.wasmlayout.layout.Layout.PAGE_SIZE;
    }
}
