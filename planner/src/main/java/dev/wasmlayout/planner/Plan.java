package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Layout;
import java.util.List;

/**
 * The planner's answer: the layout, which regions left the address the previous lock gave them
 * (empty without a lock, or when nothing had to move), and warnings about a plan that works but costs a
 * module something ({@code file:line:column: ...}, naming the module).
 */
public record Plan(Layout layout, List<Move> moves, List<String> warnings) {

    public Plan {
        moves = List.copyOf(moves);
        warnings = List.copyOf(warnings);
    }

    public Plan(Layout layout, List<Move> moves) {
        this(layout, moves, List.of());
    }
}
