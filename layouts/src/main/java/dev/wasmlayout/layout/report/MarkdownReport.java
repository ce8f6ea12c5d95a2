package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.source.Quote;

/** The text report as a Markdown table (GitHub flavour) with the limits and footprint as paragraphs. */
final class MarkdownReport {

    /** Characters that would start emphasis, code, links, HTML or break the table. */
    private static final String SPECIAL = "\\`*_[]<>|#!~&";

    private MarkdownReport() {
    }

    static String render(Layout layout) {
        StringBuilder out = new StringBuilder();
        out.append("# Memory layout of ").append(escape(layout.memoryImport())).append("\n\n");
        out.append("| Region | Kind | Owner | Start | End | Size | |\n");
        out.append("|:--|:--|:--|--:|--:|--:|--:|\n");
        for (MemoryMap.Piece piece : MemoryMap.of(layout).pieces()) {
            String[] cells = TextReport.row(piece);
            out.append("| ").append(piece.isGap() ? "*(free)*" : escape(piece.region().name()))
                    .append(" | ").append(cells[1])
                    .append(" | ").append(piece.isGap() ? "" : escape(cells[2]));
            for (int i = 3; i < 6; i++) {
                out.append(" | `").append(cells[i]).append('`');
            }
            out.append(" | ").append(cells[6]).append(" |\n");
        }
        out.append('\n');
        out.append("**Memory:** ").append(Summary.memory(layout, MarkdownReport::escape)).append(".\n\n");
        out.append("**Footprint:** ").append(Summary.footprint(layout)).append(".\n");
        return out.toString();
    }

    /** Backslash-escapes what Markdown would interpret; control characters become visible escapes. */
    static String escape(String text) {
        String oneLine = Quote.escape(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
