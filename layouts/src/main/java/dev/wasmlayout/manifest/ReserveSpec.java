package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A host-owned region: no module may write it.
 *
 * @param at    a fixed start address, or empty to let the planner choose
 * @param align a power of two; a fixed {@code at} is a multiple of it
 */
public record ReserveSpec(String name, OptionalLong at, long size, long align, Location location) {

    public ReserveSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
    }
}
