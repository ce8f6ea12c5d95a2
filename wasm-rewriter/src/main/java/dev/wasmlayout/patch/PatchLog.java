package dev.wasmlayout.patch;

import java.util.ArrayList;
import java.util.List;

/** What a patch did, one line each, in order. */
final class PatchLog {
    private final List<String> lines = new ArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
