package dev.wasmlayout.layout.report;

import java.util.Locale;

/** Addresses and sizes as every report prints them, so the formats agree with each other. */
final class Units {

    private static final String[] UNITS = {"KiB", "MiB", "GiB"};

    private Units() {
    }

    /** {@code 0x00004400}: fixed width so columns line up; wider only past 4 GiB. */
    static String hex(long value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }

    /**
     * {@code 1000 B}, {@code 64 KiB}, {@code 33.6 KiB}: exact values without decimals, others rounded to
     * one decimal (so {@code 34.0 KiB} says "about"). Integer arithmetic: no locale, no float surprises.
     */
    static String human(long bytes) {
        if (bytes < 0) {
            return "-" + human(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        long unit = 1024;
        for (int i = 0; i < UNITS.length; i++, unit *= 1024) {
            long tenths = (bytes * 10 + unit / 2) / unit;
            if (tenths < 10240 || i == UNITS.length - 1) {
                if (bytes % unit == 0) {
                    return bytes / unit + " " + UNITS[i];
                }
                return tenths / 10 + "." + tenths % 10 + " " + UNITS[i];
            }
        }
        throw new AssertionError("unreachable");
    }

    static String pages(long pages) {
        return pages == 1 ? "1 page" : pages + " pages";
    }

    /** {@code 6 pages (384 KiB)}. */
    static String pagesAndBytes(long pages, long pageSize) {
        return pages(pages) + " (" + human(pages * pageSize) + ")";
    }
}
