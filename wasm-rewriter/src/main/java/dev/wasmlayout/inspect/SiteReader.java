package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.custom.Relocation;

/** Reads the value stored at a relocation site and says what is wrong with it, if anything. */
public final class SiteReader {
    private SiteReader() {
    }

    /** Returns null when the site is well formed and holds {@code expected}, else a short description. */
    public static String check(byte[] b, Section target, Relocation r, long expected) {
        long at = (long) target.payloadStart() + r.offset();
        int width = r.type().site.width;
        if (r.offset() < 0 || at + width > target.end()) {
            return "site outside its section";
        }
        int p = (int) at;
        long value;
        switch (r.type().site) {
            case LEB5:
            case SLEB5:
            case LEB10:
            case SLEB10: {
                for (int i = 0; i < width - 1; i++) {
                    if ((b[p + i] & 0x80) == 0) {
                        return "LEB of " + (i + 1) + " bytes, not padded to " + width;
                    }
                }
                if ((b[p + width - 1] & 0x80) != 0) {
                    return "LEB longer than " + width + " bytes";
                }
                value = decode(b, p, width, r.type().site == RelocType.Site.SLEB5 || r.type().site == RelocType.Site.SLEB10);
                break;
            }
            case I32:
                value = (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
                break;
            default:
                value = 0;
                for (int i = 7; i >= 0; i--) {
                    value = value << 8 | (b[p + i] & 0xffL);
                }
        }
        if (width <= 5) {
            value &= 0xffffffffL;
            expected &= 0xffffffffL;
        }
        return value == expected ? null : "holds " + value;
    }

    private static long decode(byte[] b, int p, int width, boolean signed) {
        long v = 0;
        int shift = 0;
        for (int i = 0; i < width; i++) {
            v |= (long) (b[p + i] & 0x7f) << shift;
            shift += 7;
        }
        if (signed && shift < 64 && (b[p + width - 1] & 0x40) != 0) {
            v |= -1L << shift;
        }
        return v;
    }
}
