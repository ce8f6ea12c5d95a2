package dev.wasmlayout.source;

import java.util.List;

/** A sequence, items in the order written. */
public record ListNode(List<Node> items, Location location) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
