package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.Layout;
import java.util.function.UnaryOperator;

/** The memory limits and the footprint comparison as sentences, shared by the text, Markdown and HTML reports. */
final class Summary {

    private Summary() {
    }

    /** {@code imported as env.memory, initial 6 pages (384 KiB), max 16 pages (1 MiB)}; {@code quote} escapes user text. */
    static String memory(Layout layout, UnaryOperator<String> quote) {
        return "imported as " + quote.apply(layout.memoryImport())
                + ", initial " + Units.pagesAndBytes(layout.initialPages(), layout.pageSize())
                + ", max " + Units.pagesAndBytes(layout.maxPages(), layout.pageSize());
    }

    static String footprint(Layout layout) {
        Footprint footprint = layout.footprint();
        if (footprint == null) {
            return "not recorded in this layout";
        }
        String text = "one shared memory of " + Units.pages(footprint.pages()) + " (" + Units.human(footprint.bytes())
                + ", " + Units.human(footprint.usedBytes()) + " used) against "
                + Units.pagesAndBytes(footprint.separatePages(), Layout.PAGE_SIZE)
                + " for the modules in separate memories with the same stacks and heaps: ";
        long saved = footprint.savedPages();
        if (saved > 0) {
            return text + "sharing saves " + Units.pages(saved) + " (" + Units.human(footprint.savedBytes()) + ", "
                    + percent(footprint.savedBytes(), footprint.separateBytes()) + ")";
        }
        if (saved == 0) {
            return text + "the same number of pages";
        }
        return text + "sharing costs " + Units.pages(-saved) + " (" + Units.human(-footprint.savedBytes()) + ") more";
    }

    /** {@code 14.3%}, rounded half up in integer arithmetic. */
    private static String percent(long part, long whole) {
        long tenths = (part * 1000 + whole / 2) / whole;
        return tenths / 10 + "." + tenths % 10 + "%";
    }
}
