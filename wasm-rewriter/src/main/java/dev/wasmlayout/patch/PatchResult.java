package dev.wasmlayout.patch;

import java.util.List;

/**
 * The patched module and a line per thing that was done to it (for the report and the record
 * section); {@code warnings} repeats the lines that say what the module lost, for the link output.
 */
public record PatchResult(byte[] bytes, String strategy, List<String> actions, List<String> warnings) {
}
