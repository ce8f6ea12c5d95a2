package dev.wasmlayout.source;

/**
 * A value read from a YAML or JSON file that remembers where it was written. Jackson's own tree
 * ({@code JsonNode}) forgets locations, so readers that must point at a line and column build this one.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** How the value reads in a message: {@code 'big'}, {@code a list}, {@code a mapping}, {@code nothing}. */
    String describe();
}
