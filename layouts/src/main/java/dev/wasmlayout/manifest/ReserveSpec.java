package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A host-owned region: no module may write it except those listed as writers (a module that
 * rewrites a host buffer in place).
 *
 * @param at      a fixed start address, or empty to let the planner choose
 * @param align   a power of two; a fixed {@code at} is a multiple of it
 * @param writers modules allowed to write it; usually none
 */
public record ReserveSpec(String name, OptionalLong at, long size, long align, List<String> writers,
                          Location location) {

    public ReserveSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        writers = List.copyOf(writers);
    }
}
