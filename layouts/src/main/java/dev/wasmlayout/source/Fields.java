package dev.wasmlayout.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed, checked access to the keys of one mapping. Creating it rejects unknown keys (with the nearest
 * known one as a hint); each getter either returns a value or throws through the {@link Complaint}
 * with a one-line message naming the key and the object it belongs to, located at the offending value.
 */
public final class Fields {

    private final MapNode map;
    private final String context;
    private final Complaint complaint;

    private Fields(MapNode map, String context, Complaint complaint) {
        this.map = map;
        this.context = context;
        this.complaint = complaint;
    }

    /**
     * @param context how messages name the object, with its preposition ("in module 'producer'"),
     *                or the empty string for the document's root
     * @param known   the keys this object may have, in the order to list them in messages
     */
    public static Fields of(MapNode map, String context, List<String> known, Complaint complaint) {
        for (MapNode.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String hint = Suggestions.nearest(entry.key(), known)
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse(" (expected one of: " + String.join(", ", known) + ")");
                throw complaint.at(entry.keyLocation(), "unknown key " + Quote.of(entry.key()) + suffix(context) + hint);
            }
        }
        return new Fields(map, context, complaint);
    }

    /** For machine-written files that may grow keys: unknown keys are ignored, not rejected. */
    public static Fields lenient(MapNode map, String context, Complaint complaint) {
        return new Fields(map, context, complaint);
    }

    /** Checks that {@code node} is a mapping first: "{what}: expected a mapping, got a list". */
    public static MapNode requireMap(Node node, String what, Complaint complaint) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw complaint.at(node.location(), what + ": expected a mapping, got " + node.describe());
    }

    public Location location() {
        return map.location();
    }

    public String context() {
        return context;
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    /** The raw value, or null when absent. */
    public Node get(String key) {
        return map.get(key);
    }

    /** Where the value of {@code key} is, or where the object starts when the key is absent. */
    public Location where(String key) {
        Node value = map.get(key);
        return value == null ? map.location() : value.location();
    }

    public Node required(String key) {
        Node value = map.get(key);
        if (value == null) {
            throw complaint.at(map.location(), "missing key '" + key + "'" + suffix(context));
        }
        return value;
    }

    /** "stack in module 'producer': {detail}" at the value of {@code key}. */
    public RuntimeException wrong(String key, String detail) {
        return complaint.at(where(key), key + suffix(context) + ": " + detail);
    }

    /** "writers in shared 'ring': {detail}" at {@code at}, a value nested inside {@code key}'s value. */
    public RuntimeException wrong(String key, Node at, String detail) {
        return complaint.at(at.location(), key + suffix(context) + ": " + detail);
    }

    /** "stack in module 'producer': expected {what}, got 'big'". */
    public RuntimeException expected(String key, String what) {
        return wrong(key, "expected " + what + ", got " + required(key).describe());
    }

    /** A required scalar that is not null, as text. */
    public String text(String key) {
        Node value = required(key);
        if (value instanceof ScalarNode scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw expected(key, "text");
    }

    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    public boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        if (get(key) instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text()) || isYamlTrue(scalar.text());
        }
        throw expected(key, "true or false");
    }

    /** YAML 1.1 also reads yes/on/y as true; Jackson reports those as booleans with their own text. */
    private static boolean isYamlTrue(String text) {
        return List.of("yes", "on", "y").contains(text.toLowerCase(Locale.ROOT));
    }

    /** A size in bytes: see {@link Sizes}; never negative, at most 4GiB. */
    public long size(String key) {
        return sizeLike(key, "a size like 16KiB");
    }

    public OptionalLong optionalSize(String key) {
        return has(key) ? OptionalLong.of(size(key)) : OptionalLong.empty();
    }

    /** An address: same syntax and range as a size, worded for addresses in messages. */
    public OptionalLong optionalAddress(String key) {
        return has(key) ? OptionalLong.of(sizeLike(key, "an address like 0x10000")) : OptionalLong.empty();
    }

    private long sizeLike(String key, String what) {
        Node value = required(key);
        if (value instanceof ScalarNode scalar
                && (scalar.kind() == ScalarNode.Kind.STRING || scalar.kind() == ScalarNode.Kind.INTEGER)) {
            OptionalLong parsed = Sizes.parse(scalar.text());
            if (parsed.isPresent()) {
                long bytes = parsed.getAsLong();
                if (bytes < 0) {
                    throw wrong(key, "must not be negative, got " + scalar.describe());
                }
                if (bytes > Sizes.MAX) {
                    throw wrong(key, "expected at most 4GiB, got " + scalar.describe());
                }
                return bytes;
            }
            throw wrong(key, "expected " + what + ", got " + scalar.describe() + Sizes.hint(scalar.text()));
        }
        throw expected(key, what);
    }

    /** Any whole number, decimal or hex, possibly negative (exit codes, file format numbers). */
    public long integer(String key) {
        Node value = required(key);
        if (value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.INTEGER) {
            OptionalLong parsed = Sizes.parse(scalar.text());
            if (parsed.isPresent() && parsed.getAsLong() != Long.MAX_VALUE && parsed.getAsLong() != Long.MIN_VALUE) {
                return parsed.getAsLong();
            }
        }
        throw expected(key, "a whole number");
    }

    /** The items of a list; an absent or empty ({@code key:} with nothing) value is an empty list. */
    public List<Node> list(String key) {
        Node value = get(key);
        if (value == null || value instanceof ScalarNode scalar && scalar.isNull()) {
            return List.of();
        }
        if (value instanceof ListNode list) {
            return list.items();
        }
        throw expected(key, "a list");
    }

    /** A nested mapping; an absent or empty value is an empty mapping at the parent's location. */
    public MapNode map(String key) {
        Node value = get(key);
        if (value == null || value instanceof ScalarNode scalar && scalar.isNull()) {
            return new MapNode(Map.of(), where(key));
        }
        if (value instanceof MapNode nested) {
            return nested;
        }
        throw expected(key, "a mapping");
    }

    private static String suffix(String context) {
        return context.isEmpty() ? "" : " " + context;
    }
}
