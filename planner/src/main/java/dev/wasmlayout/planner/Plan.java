package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Layout;
import java.util.List;

/**
 * The planner's answer: the layout, and which regions left the address the previous lock gave them
 * (empty without a lock, or when nothing had to move).
 */
public record Plan(Layout layout, List<Move> moves) {

    public Plan {
        moves = List.copyOf(moves);
    }
}
