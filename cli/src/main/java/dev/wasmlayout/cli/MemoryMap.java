package dev.wasmlayout.cli;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;

/** A plain memory map for the terminal. */
final class MemoryMap {
    private MemoryMap() {
    }

    static String render(Layout layout) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %-8s %-12s %-10s %-10s %s%n", "region", "kind", "owner", "start", "end", "size"));
        long cursor = 0;
        for (Region r : layout.regions()) {
            if (r.start() > cursor) {
                sb.append(String.format("%-22s %-8s %-12s 0x%08x 0x%08x %d%n", "(free)", "", "", cursor, r.start(), r.start() - cursor));
            }
            sb.append(String.format("%-22s %-8s %-12s 0x%08x 0x%08x %d%n", r.name(), r.kind().name().toLowerCase(),
                    r.owner() == null ? "-" : r.owner(), r.start(), r.end(), r.end() - r.start()));
            cursor = Math.max(cursor, r.end());
        }
        sb.append(String.format("memory: %s, %d pages initial, %d max%n", layout.memoryImport(), layout.initialPages(),
                layout.maxPages()));
        return sb.toString();
    }
}
