package dev.wasmlayout.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * What a patch did, one line each, in order. Warnings are also lines; they name what the module
 * loses (debug info dropped or marked removed), so the link output shows them and not only the record.
 */
final class PatchLog {
    private final List<String> lines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    void warn(String line) {
        lines.add(line);
        warnings.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
