package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout as the reports walk it: regions in address order with the free gaps between them made
 * explicit, up to the end of the initial memory. Overlapping regions (a hand-edited layout.json) are
 * listed as they are rather than refused: a report should show a broken plan, not hide it.
 *
 * @param end the highest address shown: the initial memory's end, or the last region's if that is higher
 */
record MemoryMap(List<Piece> pieces, long end) {

    /** A region, or a gap when {@code region} is null. */
    record Piece(Region region, long start, long end) {

        boolean isGap() {
            return region == null;
        }

        long size() {
            return end - start;
        }
    }

    static MemoryMap of(Layout layout) {
        List<Piece> pieces = new ArrayList<>();
        long cursor = 0;
        for (Region region : layout.regions()) {
            if (region.start() > cursor) {
                pieces.add(new Piece(null, cursor, region.start()));
            }
            pieces.add(new Piece(region, region.start(), region.end()));
            cursor = Math.max(cursor, region.end());
        }
        long memoryEnd = layout.initialPages() * layout.pageSize();
        if (memoryEnd > cursor) {
            pieces.add(new Piece(null, cursor, memoryEnd));
        }
        return new MemoryMap(List.copyOf(pieces), Math.max(cursor, memoryEnd));
    }

    long largestRegion() {
        return pieces.stream().filter(p -> !p.isGap()).mapToLong(Piece::size).max().orElse(0);
    }
}
