package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;

/**
 * A run step's {@code write: <region>, text: "..."}: the text's UTF-8 bytes are put at the region's
 * start before the step's call (the host handing a module data in a region it owns).
 */
public record TextWrite(String region, String text, Location location) {
}
