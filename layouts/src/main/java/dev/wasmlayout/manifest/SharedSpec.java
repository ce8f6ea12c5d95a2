package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An exchange buffer between modules. Writers may write it; readers only read it.
 *
 * @param at    a fixed start address, or empty to let the planner choose
 * @param align a power of two; a fixed {@code at} is a multiple of it
 */
public record SharedSpec(String name, OptionalLong at, long size, long align,
                         List<String> writers, List<String> readers, Location location) {

    public SharedSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }
}
