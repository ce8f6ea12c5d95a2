package dev.wasmlayout.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping, keys in the order written. Keys are unique: the reader rejects duplicates. */
public record MapNode(Map<String, Entry> entries, Location location) implements Node {

    /** One {@code key: value} pair; the key keeps its own location for "unknown key" messages. */
    public record Entry(String key, Location keyLocation, Node value) {
    }

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value of {@code key}, or null when the key is absent. */
    public Node get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
