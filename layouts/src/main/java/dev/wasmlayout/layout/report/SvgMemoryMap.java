package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The address space as a vertical bar drawn to scale, address 0 at the top: one rectangle per region
 * (with a {@code <title>} for hovering), start addresses on the left, a label per region on the right.
 * A huge free gap is drawn as a fixed-height break instead, so the regions around it keep a visible
 * size; every other piece, free or not, keeps the one scale, {@link #scale}.
 */
final class SvgMemoryMap {

    static final double TOP = 20;
    static final double BAR_X = 124;
    static final double BAR_WIDTH = 220;
    static final double BAR_HEIGHT = 960;
    static final double BREAK_HEIGHT = 48;
    /** The break sticks out of the bar on both sides, so it reads as a tear and not as a region. */
    private static final double BREAK_OVERHANG = 10;
    private static final double LABEL_X = BAR_X + BAR_WIDTH + 56;
    private static final double LINE = 16;
    private static final double MIN_WIDTH = 880;
    /** Rough advance of a 12px sans-serif character, to size the picture for long names. */
    private static final double CHAR_WIDTH = 7.2;

    private final Layout layout;
    private final MemoryMap map;
    private final Palette palette;
    private final boolean[] broken;
    private final double scale;
    private final double[] tops;

    private SvgMemoryMap(Layout layout) {
        this.layout = layout;
        this.map = MemoryMap.of(layout);
        this.palette = new Palette(layout);
        List<MemoryMap.Piece> pieces = map.pieces();
        broken = new boolean[pieces.size()];
        long scaledBytes = 0;
        int breaks = 0;
        for (int i = 0; i < pieces.size(); i++) {
            broken[i] = isHuge(pieces.get(i));
            breaks += broken[i] ? 1 : 0;
            scaledBytes += broken[i] ? 0 : pieces.get(i).size();
        }
        scale = scaledBytes == 0 ? 0 : (BAR_HEIGHT - breaks * BREAK_HEIGHT) / scaledBytes;
        tops = new double[pieces.size() + 1];
        tops[0] = TOP;
        for (int i = 0; i < pieces.size(); i++) {
            tops[i + 1] = tops[i] + (broken[i] ? BREAK_HEIGHT : pieces.get(i).size() * scale);
        }
    }

    /** A gap is huge when drawing it to scale would squash the regions: over 4x the largest or half the memory. */
    private boolean isHuge(MemoryMap.Piece piece) {
        return piece.isGap() && map.largestRegion() > 0
                && (piece.size() > 4 * map.largestRegion() || piece.size() > map.end() / 2);
    }

    /** Pixels per byte for every piece that is not a break. */
    static double scale(Layout layout) {
        return new SvgMemoryMap(layout).scale;
    }

    static String render(Layout layout) {
        return new SvgMemoryMap(layout).svg();
    }

    private String svg() {
        double[] labelYs = labelPositions();
        double bottom = TOP + BAR_HEIGHT;
        for (double y : labelYs) {
            bottom = Math.max(bottom, y + 8);
        }
        double width = MIN_WIDTH;
        for (MemoryMap.Piece piece : map.pieces()) {
            if (!piece.isGap()) {
                width = Math.max(width, LABEL_X + labelText(piece).length() * CHAR_WIDTH + 24);
            }
        }
        double height = bottom + TOP;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"memory-map\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-label=\"Memory map of ")
                .append(Xml.escape(layout.memoryImport())).append(", drawn to scale\">\n");
        out.append("<style>").append(STYLE).append("</style>\n");
        out.append("<defs>\n").append(Palette.patterns()).append("</defs>\n");
        pieces(out);
        out.append(rect("outline", BAR_X, TOP, BAR_WIDTH, BAR_HEIGHT, null)).append("/>\n");
        breaks(out);
        addresses(out);
        labels(out, labelYs);
        out.append("</svg>\n");
        return out.toString();
    }

    private void pieces(StringBuilder out) {
        out.append("<g class=\"pieces\">\n");
        List<MemoryMap.Piece> pieces = map.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            MemoryMap.Piece piece = pieces.get(i);
            if (broken[i]) {
                continue; // drawn by breaks() over the outline
            }
            double y = tops[i];
            double h = tops[i + 1] - y;
            Region region = piece.region();
            if (region == null) {
                out.append(rect("gap", BAR_X, y, BAR_WIDTH, h, null)).append("><title>").append(title(piece))
                        .append("</title></rect>\n");
                if (h >= 16) {
                    out.append(text("inner free", BAR_X + BAR_WIDTH / 2, y + h / 2 + 4, null))
                            .append("free ").append(Units.human(piece.size())).append("</text>\n");
                }
                continue;
            }
            out.append(rect("region", BAR_X, y, BAR_WIDTH, h, palette.fill(region))).append(" data-region=\"")
                    .append(Xml.escape(region.name())).append("\" data-kind=\"").append(region.kind().jsonName())
                    .append("\"><title>").append(title(piece)).append("</title></rect>\n");
            if (h < 1.5) { // too thin to see: a hairline marks where it is
                out.append("<line class=\"marker\" x1=\"").append(num(BAR_X)).append("\" x2=\"").append(num(BAR_X + BAR_WIDTH))
                        .append("\" y1=\"").append(num(y + h / 2)).append("\" y2=\"").append(num(y + h / 2))
                        .append("\" stroke=\"").append(markerColour(region)).append("\"/>\n");
            }
            if (h >= 14) {
                boolean patterned = !region.kind().isModuleOwned();
                out.append(text(patterned ? "inner on-pattern" : "inner", BAR_X + BAR_WIDTH / 2, y + h / 2 + 4,
                        palette.ink(region))).append(region.kind().jsonName()).append("</text>\n");
            }
        }
        out.append("</g>\n");
    }

    private String markerColour(Region region) {
        return region.kind().isModuleOwned() ? palette.moduleColour(region.owner(), region.kind()) : "#57606a";
    }

    /** Huge gaps: a torn band with zig-zag edges saying how much is left out. */
    private void breaks(StringBuilder out) {
        List<MemoryMap.Piece> pieces = map.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (!broken[i]) {
                continue;
            }
            MemoryMap.Piece piece = pieces.get(i);
            double y = tops[i];
            out.append("<g class=\"break\">\n");
            out.append(rect("gap huge", BAR_X - BREAK_OVERHANG, y, BAR_WIDTH + 2 * BREAK_OVERHANG, BREAK_HEIGHT, null))
                    .append(" data-gap=\"").append(Units.hex(piece.start())).append("\"><title>").append(title(piece))
                    .append(", not to scale</title></rect>\n");
            out.append(zigzag(y + 6)).append(zigzag(y + BREAK_HEIGHT - 6));
            out.append(text("break-label", BAR_X + BAR_WIDTH / 2, y + BREAK_HEIGHT / 2 + 4, null))
                    .append("\u2248 ").append(Units.human(piece.size())).append(" free</text>\n");
            out.append("</g>\n");
        }
    }

    private static String zigzag(double y) {
        StringBuilder points = new StringBuilder();
        double step = 8;
        int teeth = (int) Math.round((BAR_WIDTH + 2 * BREAK_OVERHANG) / step);
        for (int t = 0; t <= teeth; t++) {
            points.append(t == 0 ? "" : " ").append(num(BAR_X - BREAK_OVERHANG + t * step)).append(',')
                    .append(num(y + (t % 2 == 0 ? -3 : 3)));
        }
        return "<polyline class=\"zigzag\" points=\"" + points + "\"/>\n";
    }

    /** Start addresses on the left; ones that would overprint a neighbour are left out, never the first or last. */
    private void addresses(StringBuilder out) {
        List<MemoryMap.Piece> pieces = map.pieces();
        int end = pieces.size(); // tops[end] is the bottom of the bar
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i <= end; i++) {
            // a region's start says more than the start of the alignment gap just before it; the end says most
            boolean strong = i == end || !pieces.get(i).isGap();
            while (kept.size() > 1 && tops[i] - tops[kept.get(kept.size() - 1)] < 12) {
                int previous = kept.get(kept.size() - 1);
                if (!(i == end || strong && pieces.get(previous).isGap())) {
                    break;
                }
                kept.remove(kept.size() - 1);
            }
            if (kept.isEmpty() || i == end || tops[i] - tops[kept.get(kept.size() - 1)] >= 12) {
                kept.add(i);
            }
        }
        out.append("<g class=\"addresses\">\n");
        for (int i : kept) {
            double y = tops[i];
            out.append("<line class=\"tick\" x1=\"").append(num(BAR_X - 6)).append("\" x2=\"").append(num(BAR_X))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            out.append(text("addr", BAR_X - 10, y + 4, null)).append(Units.hex(i == end ? map.end() : pieces.get(i).start()))
                    .append("</text>\n");
        }
        out.append("</g>\n");
    }

    private void labels(StringBuilder out, double[] labelYs) {
        out.append("<g class=\"labels\">\n");
        List<MemoryMap.Piece> pieces = map.pieces();
        int n = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Region region = pieces.get(i).region();
            if (region == null) {
                continue;
            }
            double centre = (tops[i] + tops[i + 1]) / 2;
            double y = labelYs[n++];
            double right = BAR_X + BAR_WIDTH;
            out.append("<polyline class=\"leader\" points=\"").append(num(right)).append(',').append(num(centre)).append(' ')
                    .append(num(right + 14)).append(',').append(num(centre)).append(' ')
                    .append(num(LABEL_X - 14)).append(',').append(num(y)).append(' ')
                    .append(num(LABEL_X - 4)).append(',').append(num(y)).append("\"/>");
            out.append(text("label", LABEL_X, y + 4, null)).append("<tspan class=\"name\">").append(Xml.escape(region.name()))
                    .append("</tspan><tspan class=\"size\" dx=\"8\">").append(Units.human(region.size()))
                    .append("</tspan><tspan class=\"range\" dx=\"10\">").append(range(pieces.get(i)))
                    .append("</tspan></text>\n");
        }
        out.append("</g>\n");
    }

    private static String labelText(MemoryMap.Piece piece) {
        return piece.region().name() + "  " + Units.human(piece.size()) + "  " + range(piece);
    }

    private static String range(MemoryMap.Piece piece) {
        return Units.hex(piece.start()) + "\u2013" + Units.hex(piece.end());
    }

    /**
     * Where each region's label goes: beside its middle when there is room, otherwise pushed apart
     * (down, then back up from the bottom of the bar) so no two labels overprint.
     */
    private double[] labelPositions() {
        List<Double> wanted = new ArrayList<>();
        for (int i = 0; i < map.pieces().size(); i++) {
            if (!map.pieces().get(i).isGap()) {
                wanted.add((tops[i] + tops[i + 1]) / 2);
            }
        }
        int count = wanted.size();
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            ys[i] = Math.max(wanted.get(i), i == 0 ? TOP : ys[i - 1] + LINE);
        }
        double limit = TOP + BAR_HEIGHT;
        for (int i = count - 1; i >= 0; i--) {
            ys[i] = Math.min(ys[i], i == count - 1 ? limit : ys[i + 1] - LINE);
        }
        for (int i = 0; i < count; i++) {
            ys[i] = Math.max(ys[i], i == 0 ? TOP : ys[i - 1] + LINE);
        }
        return ys;
    }

    /** {@code sieve.stack stack sieve 0x00000400–0x00002400 (8 KiB)}: what hovering a piece shows. */
    static String title(MemoryMap.Piece piece) {
        Region region = piece.region();
        String what = region == null ? "(free)"
                : Xml.escape(region.name()) + " " + region.kind().jsonName() + " "
                + (region.owner() == null ? "-" : Xml.escape(region.owner()));
        return what + " " + range(piece) + " (" + Units.human(piece.size()) + ")";
    }

    private static String rect(String cssClass, double x, double y, double w, double h, String fill) {
        return "<rect class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w)
                + "\" height=\"" + num(h) + "\"" + (fill == null ? "" : " fill=\"" + fill + "\"");
    }

    private static String text(String cssClass, double x, double y, String fill) {
        return "<text class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\""
                + (fill == null ? "" : " fill=\"" + fill + "\"") + ">";
    }

    /** At most three decimals, no trailing zeros, never a locale's comma. */
    static String num(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.equals("-0") ? "0" : text;
    }

    private static final String STYLE = "\n"
            + ".memory-map text{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif}\n"
            + ".memory-map .addr{font:11px ui-monospace,\"SFMono-Regular\",Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
            + "fill:#57606a;text-anchor:end}\n"
            + ".memory-map .tick{stroke:#8c959f;stroke-width:1}\n"
            + ".memory-map .region{stroke:#ffffff;stroke-width:.5}\n"
            + ".memory-map .gap{fill:#ffffff}\n"
            + ".memory-map .outline{fill:none;stroke:#57606a;stroke-width:1}\n"
            + ".memory-map .marker{stroke-width:1.5}\n"
            + ".memory-map .inner{font-size:11px;font-weight:600;text-anchor:middle;letter-spacing:.04em}\n"
            + ".memory-map .on-pattern{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}\n"
            + ".memory-map .free{fill:#8c959f;font-weight:400}\n"
            + ".memory-map .huge{fill:#ffffff}\n"
            + ".memory-map .zigzag{fill:none;stroke:#57606a;stroke-width:1.25;stroke-linejoin:round}\n"
            + ".memory-map .break-label{font-size:12px;fill:#57606a;text-anchor:middle;font-style:italic}\n"
            + ".memory-map .leader{fill:none;stroke:#afb8c1;stroke-width:1}\n"
            + ".memory-map .label{font-size:12px;fill:#1f2328}\n"
            + ".memory-map .label .name{font-weight:600}\n"
            + ".memory-map .label .size{fill:#57606a}\n"
            + ".memory-map .label .range{fill:#8c959f;font:11px ui-monospace,\"SFMono-Regular\",Menlo,Consolas,"
            + "\"DejaVu Sans Mono\",monospace}\n";
}
