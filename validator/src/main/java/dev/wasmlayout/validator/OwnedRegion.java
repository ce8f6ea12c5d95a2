package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import java.util.Set;

/**
 * A planned region [start, end). {@code kind} is data, stack, heap (owned by {@code owner}), shared
 * (writable by {@code writers}; "host" names the host), reserved (the host's) or guard (nobody's).
 */
public record OwnedRegion(String name, RegionKind kind, String owner, long start, long end, Set<String> writers) {

    public OwnedRegion {
        writers = writers == null ? Set.of() : Set.copyOf(writers);
        if (end < start) {
            throw new IllegalArgumentException("region " + name + " ends before it starts");
        }
        if (kind == null) {
            throw new IllegalArgumentException("region " + name + " has no kind");
        }
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    /** Whether {@code writer} (a module name or "host") may write here. */
    public boolean writableBy(String writer) {
        switch (kind) {
            case DATA: case STACK: case HEAP: return writer.equals(owner);
            case SHARED: return writers.contains(writer);
            case RESERVED: return writer.equals(Ownership.HOST) || writers.contains(writer);
            default: return false;
        }
    }

    /** Who the region belongs to, for reports: its owner, "host" for reserved regions, else null. */
    public String ownerForReport() {
        if (owner != null) {
            return owner;
        }
        return kind == RegionKind.RESERVED ? Ownership.HOST : null;
    }
}
