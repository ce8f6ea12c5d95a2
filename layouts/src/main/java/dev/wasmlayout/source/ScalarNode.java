package dev.wasmlayout.source;

/**
 * A single value with its text exactly as written (so {@code 0x400} stays hex and {@code 010} is not
 * silently read as YAML 1.1 octal) and what the YAML/JSON parser thought it was.
 */
public record ScalarNode(String text, Kind kind, Location location) implements Node {

    /** What the parser resolved the scalar to; readers decide themselves how to interpret the text. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return isNull() ? "nothing" : Quote.of(text);
    }
}
