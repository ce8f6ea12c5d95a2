package dev.wasmlayout.patch;

import java.util.List;

/** The patched module and a line per thing that was done to it (for the report and the record section). */
public record PatchResult(byte[] bytes, String strategy, List<String> actions) {
}
