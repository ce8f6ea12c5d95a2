package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.source.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * Parts placed back to back, each at its own alignment, with no more padding between them than
 * alignment demands: a module's stack, data and heap, or a single shared buffer.
 *
 * <p>The block is anchored on its most-aligned part: placing it means finding a start where that
 * part's address is a multiple of {@link #align()}; every other part then lands aligned too because
 * its offset from the anchor is a multiple of its own (smaller, power-of-two) alignment. This lets a
 * 16-aligned stack sit directly below 64-aligned data without padding in front of the stack.
 */
final class Block {

    private final List<Part> parts;
    private final long[] offsets; // from the block's start
    private final long size;
    private final long align;
    private final long anchor; // offset of the most-aligned part from the block's start

    Block(List<Part> parts) {
        this.parts = List.copyOf(parts);
        int anchorIndex = 0;
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).align() > parts.get(anchorIndex).align()) {
                anchorIndex = i;
            }
        }
        long[] relative = new long[parts.size()]; // relative to the anchor part's start
        long cursor = parts.get(anchorIndex).size();
        for (int i = anchorIndex + 1; i < parts.size(); i++) {
            relative[i] = Sizes.alignUp(cursor, parts.get(i).align());
            cursor = relative[i] + parts.get(i).size();
        }
        long end = cursor;
        cursor = 0;
        for (int i = anchorIndex - 1; i >= 0; i--) {
            relative[i] = Sizes.alignDown(cursor - parts.get(i).size(), parts.get(i).align());
            cursor = relative[i];
        }
        long first = cursor;
        this.offsets = new long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            offsets[i] = relative[i] - first;
        }
        this.size = end - first;
        this.align = parts.get(anchorIndex).align();
        this.anchor = -first;
    }

    long size() {
        return size;
    }

    long align() {
        return align;
    }

    long anchor() {
        return anchor;
    }

    /** Declaration order of the first part: the deterministic tie-breaker. */
    int order() {
        return parts.get(0).order();
    }

    /** The regions when the block starts at {@code start}. */
    List<Region> regionsAt(long start) {
        List<Region> regions = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isMarker()) {
                regions.add(parts.get(i).at(start + offsets[i]));
            }
        }
        return regions;
    }
}
