package dev.wasmlayout.validator;

import java.util.ArrayList;
import java.util.List;

/** The merged, sorted byte ranges one writer may write, asked on every store. */
final class Permit {
    private final long[] starts;
    private final long[] ends;
    /** The range the last allowed write fell in: most stores hit the same stack or data range. */
    private int last;

    Permit(List<long[]> ranges) {
        List<long[]> merged = new ArrayList<>();
        ranges.stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(r -> {
            long[] tail = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (tail != null && r[0] <= tail[1]) {
                tail[1] = Math.max(tail[1], r[1]);
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        });
        starts = new long[merged.size()];
        ends = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
        }
    }

    /** The first byte of [address, address + size) outside the ranges, or -1 when all are inside. */
    long firstForeign(long address, long size) {
        int l = last;
        if (l < starts.length && address >= starts[l] && address + size <= ends[l]) {
            return -1;
        }
        long pos = address;
        long end = address + size;
        while (pos < end) {
            int i = find(pos);
            if (i < 0) {
                return pos;
            }
            last = i;
            pos = ends[i];
        }
        return -1;
    }

    /**
     * Up to {@code n} of the merged ranges, widest first, as {start, end} pairs: a view can test
     * these inline and ask {@link #firstForeign} only for writes outside all of them.
     */
    long[][] widest(int n) {
        Integer[] order = new Integer[starts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(ends[b] - starts[b], ends[a] - starts[a]));
        long[][] out = new long[Math.min(n, order.length)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[] {starts[order[i]], ends[order[i]]};
        }
        return out;
    }

    /** The merged range holding {@code address} as {start, end}, or null when none does. */
    long[] rangeAt(long address) {
        int i = find(address);
        return i < 0 ? null : new long[] {starts[i], ends[i]};
    }

    private int find(long address) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (address < starts[mid]) {
                hi = mid - 1;
            } else if (address >= ends[mid]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
