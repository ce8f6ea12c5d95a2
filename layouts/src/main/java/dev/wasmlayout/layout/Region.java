package dev.wasmlayout.layout;

import dev.wasmlayout.source.Quote;
import dev.wasmlayout.source.Sizes;
import java.util.Objects;

/**
 * A named range of the shared memory, {@code [start, end)}.
 *
 * @param name  unique in a layout: {@code producer.data}, {@code ring}, {@code null-guard}
 * @param owner the module owning a DATA/STACK/HEAP region; null for shared, reserved and guard regions
 * @param align the alignment the planner guaranteed for {@code start}: a power of two
 */
public record Region(String name, RegionKind kind, String owner, long start, long end, long align) {

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("region " + Quote.of(name) + ": bad range [" + start + ", " + end + ")");
        }
        if (!Sizes.isPowerOfTwo(align)) {
            throw new IllegalArgumentException("region " + Quote.of(name) + ": align " + align + " is not a power of two");
        }
    }

    public long size() {
        return end - start;
    }

    /**
     * True when the two share at least one byte, or when one is empty and lies strictly inside the
     * other: an empty region's address would otherwise belong to somebody else's region.
     */
    public boolean overlaps(Region other) {
        return start < other.end && other.start < end;
    }

    /** {@code producer.heap [0x10000, 0x20000)}, for messages. */
    public String describe() {
        return name + " [" + Sizes.hex(start) + ", " + Sizes.hex(end) + ")";
    }
}
