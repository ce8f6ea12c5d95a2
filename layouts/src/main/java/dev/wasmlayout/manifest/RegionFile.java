package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.nio.file.Path;

/**
 * A file copied into a region before a run step ({@code load}) or out of it after ({@code dump}).
 *
 * @param region a region name: a shared or reserved name, or {@code module.data|stack|heap}
 * @param file   the path as written; {@code path} is it resolved against the manifest's folder
 */
public record RegionFile(String region, String file, Path path, Location location) {
}
