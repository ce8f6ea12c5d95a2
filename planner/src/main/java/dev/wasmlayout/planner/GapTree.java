package dev.wasmlayout.planner;

/**
 * The free gaps of an address space, ordered by address, answering "the lowest gap at or after an
 * address that is at least this large" in logarithmic time. A treap (a binary search tree kept
 * balanced by random-looking priorities) whose nodes also know the largest gap below them, so a
 * search skips every subtree with no gap large enough. Priorities come from the gap's start, not a
 * random generator: the shape, like the answers, is the same on every run.
 */
final class GapTree {

    /** One free range {@code [start, end)}. */
    static final class Gap {
        final long start;
        final long end;
        private final long priority;
        private long largest; // the largest gap in this subtree
        private Gap left;
        private Gap right;

        private Gap(long start, long end) {
            this.start = start;
            this.end = end;
            this.priority = mix(start);
            this.largest = end - start;
        }

        long size() {
            return end - start;
        }
    }

    private Gap root;

    /** Adds {@code [start, end)}; empty ranges are ignored. The caller keeps gaps disjoint. */
    void add(long start, long end) {
        if (end > start) {
            Gap[] parts = split(root, start);
            root = merge(merge(parts[0], new Gap(start, end)), parts[1]);
        }
    }

    /** Removes the gap that starts at {@code start}. */
    void remove(long start) {
        Gap[] below = split(root, start);
        Gap[] above = split(below[1], start + 1);
        root = merge(below[0], above[1]);
    }

    /** The gap with the highest start at or below {@code address}, or null. */
    Gap floor(long address) {
        Gap best = null;
        for (Gap node = root; node != null; ) {
            if (node.start <= address) {
                best = node;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return best;
    }

    /** The lowest gap starting at or after {@code from} whose size is at least {@code size}, or null. */
    Gap first(long from, long size) {
        return first(root, from, size);
    }

    private static Gap first(Gap node, long from, long size) {
        if (node == null || node.largest < size) {
            return null;
        }
        if (node.start < from) {
            return first(node.right, from, size); // everything on the left starts lower still
        }
        Gap found = first(node.left, from, size);
        if (found != null) {
            return found;
        }
        return node.size() >= size ? node : first(node.right, from, size);
    }

    /** Splits into the gaps starting below {@code key} and those starting at or above it. */
    private static Gap[] split(Gap node, long key) {
        if (node == null) {
            return new Gap[2];
        }
        if (node.start < key) {
            Gap[] parts = split(node.right, key);
            node.right = parts[0];
            update(node);
            return new Gap[] {node, parts[1]};
        }
        Gap[] parts = split(node.left, key);
        node.left = parts[1];
        update(node);
        return new Gap[] {parts[0], node};
    }

    /** Joins two trees where every gap of {@code low} starts below every gap of {@code high}. */
    private static Gap merge(Gap low, Gap high) {
        if (low == null || high == null) {
            return low == null ? high : low;
        }
        if (low.priority > high.priority) {
            low.right = merge(low.right, high);
            update(low);
            return low;
        }
        high.left = merge(low, high.left);
        update(high);
        return high;
    }

    private static void update(Gap node) {
        long largest = node.size();
        if (node.left != null) {
            largest = Math.max(largest, node.left.largest);
        }
        if (node.right != null) {
            largest = Math.max(largest, node.right.largest);
        }
        node.largest = largest;
    }

    /** SplitMix64's finaliser: spreads nearby starts over the whole range of priorities. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
