package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.source.Quote;
import java.util.ArrayList;
import java.util.List;

/** A memory map for a terminal: one aligned line per region or free gap, then the limits and footprint. */
final class TextReport {

    private static final String[] HEADER = {"region", "kind", "owner", "start", "end", "size", ""};
    /** Columns padded on the left (numbers); the rest are padded on the right. */
    private static final boolean[] RIGHT = {false, false, false, false, false, false, true};

    private TextReport() {
    }

    static String render(Layout layout) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MemoryMap.Piece piece : MemoryMap.of(layout).pieces()) {
            rows.add(row(piece));
        }
        StringBuilder out = new StringBuilder();
        out.append("Memory map of ").append(Quote.escape(layout.memoryImport())).append("\n\n");
        appendTable(out, rows);
        out.append('\n');
        out.append("memory     ").append(Summary.memory(layout, Quote::escape)).append('\n');
        out.append("footprint  ").append(Summary.footprint(layout)).append('\n');
        return out.toString();
    }

    /** One row of cells; also used by the Markdown report so both show the same columns. */
    static String[] row(MemoryMap.Piece piece) {
        Region region = piece.region();
        String name = region == null ? "(free)" : Quote.escape(region.name());
        String kind = region == null ? "" : region.kind().jsonName();
        String owner = region == null ? "" : region.owner() == null ? "-" : Quote.escape(region.owner());
        return new String[] {name, kind, owner, Units.hex(piece.start()), Units.hex(piece.end()),
                Units.hex(piece.size()), Units.human(piece.size())};
    }

    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(RIGHT[i] ? pad + row[i] : row[i] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
