package dev.wasmlayout.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a region of the shared memory is for. DATA, STACK and HEAP belong to one module. */
public enum RegionKind {
    DATA, STACK, HEAP, SHARED, RESERVED, GUARD;

    /** The name used in layout.json and the lock file: lower case. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegionKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(RegionKind::jsonName).toList();
    }

    /** True for the kinds a module owns (its owner field names the module). */
    public boolean isModuleOwned() {
        return this == DATA || this == STACK || this == HEAP;
    }
}
