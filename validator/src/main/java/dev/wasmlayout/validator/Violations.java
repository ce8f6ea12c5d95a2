package dev.wasmlayout.validator;

import java.util.ArrayList;
import java.util.List;

/** Collects violations from every writer; in stop-at-first mode it also ends the step by throwing. */
final class Violations {
    /** A loop that writes into a neighbour would otherwise fill the report with copies. */
    static final int LIMIT = 1000;

    private final boolean collectAll;
    private final List<Violation> list = new ArrayList<>();
    private int dropped;

    Violations(boolean collectAll) {
        this.collectAll = collectAll;
    }

    synchronized void report(Violation v) {
        if (list.size() < LIMIT) {
            list.add(v);
        } else {
            dropped++;
        }
        if (!collectAll) {
            throw new ViolationException(v);
        }
    }

    synchronized List<Violation> list() {
        return List.copyOf(list);
    }

    synchronized int dropped() {
        return dropped;
    }
}
