package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.ModuleAssignment;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;

/**
 * One self-contained page: inline CSS, the SVG map, the region table, footprint and limits. Nothing is
 * fetched and nothing runs, so the file can be attached to a CI run or mailed and still look the same.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(Layout layout) {
        Palette palette = new Palette(layout);
        String memory = Xml.escape(layout.memoryImport());
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Memory layout of ").append(memory).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>Memory layout of <code>").append(memory).append("</code></h1>\n");
        out.append("<p class=\"lead\">").append(layout.regions().size()).append(" regions, ")
                .append(layout.modules().size()).append(layout.modules().size() == 1 ? " module" : " modules")
                .append(", initial memory ").append(Units.pagesAndBytes(layout.initialPages(), layout.pageSize()))
                .append(". The map is drawn to scale except where a break says otherwise; hover a region for its addresses.</p>\n");
        legend(out, layout, palette);
        out.append("<figure class=\"map\">\n").append(SvgMemoryMap.render(layout)).append("</figure>\n");
        out.append("<h2>Regions</h2>\n");
        table(out, layout, palette);
        out.append("<h2>Footprint</h2>\n<p>").append(Xml.escape(capitalised(Summary.footprint(layout)))).append(".</p>\n");
        out.append("<h2>Memory</h2>\n<p>").append(Summary.memory(layout, Xml::escape)).append(".</p>\n");
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void legend(StringBuilder out, Layout layout, Palette palette) {
        out.append("<ul class=\"legend\">\n");
        for (ModuleAssignment module : layout.modules()) {
            String stack = palette.moduleColour(module.name(), RegionKind.STACK);
            String data = palette.moduleColour(module.name(), RegionKind.DATA);
            String heap = palette.moduleColour(module.name(), RegionKind.HEAP);
            out.append("<li><span class=\"swatch\" style=\"background:linear-gradient(90deg,").append(stack)
                    .append(" 0 33%,").append(data).append(" 33% 67%,").append(heap).append(" 67%)\"></span>")
                    .append(Xml.escape(module.name())).append(" <small>").append(module.strategy().jsonName())
                    .append("</small></li>\n");
        }
        for (RegionKind kind : new RegionKind[] {RegionKind.SHARED, RegionKind.RESERVED, RegionKind.GUARD}) {
            out.append("<li><span class=\"swatch\" style=\"background:").append(Palette.cssBackground(kind)).append("\"></span>")
                    .append(kind.jsonName()).append("</li>\n");
        }
        out.append("<li><span class=\"swatch free\"></span>free</li>\n");
        out.append("<li class=\"note\">module shades: stack dark, data medium, heap light</li>\n");
        out.append("</ul>\n");
    }

    private static void table(StringBuilder out, Layout layout, Palette palette) {
        out.append("<div class=\"table\">\n<table>\n<thead><tr><th>Region</th><th>Kind</th><th>Owner</th>")
                .append("<th class=\"num\">Start</th><th class=\"num\">End</th><th class=\"num\">Size</th>")
                .append("<th class=\"num\"></th></tr></thead>\n<tbody>\n");
        for (MemoryMap.Piece piece : MemoryMap.of(layout).pieces()) {
            Region region = piece.region();
            String[] cells = TextReport.row(piece);
            if (region == null) {
                out.append("<tr class=\"free\"><td>(free)</td><td></td><td></td>");
            } else {
                String background = region.kind().isModuleOwned() ? palette.fill(region) : Palette.cssBackground(region.kind());
                out.append("<tr><td><span class=\"swatch\" style=\"background:").append(background).append("\"></span>")
                        .append(Xml.escape(region.name())).append("</td><td>").append(cells[1]).append("</td><td>")
                        .append(region.owner() == null ? "-" : Xml.escape(region.owner())).append("</td>");
            }
            for (int i = 3; i < 7; i++) {
                out.append("<td class=\"num\">").append(cells[i]).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static final String STYLE = "\n"
            + ":root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de}\n"
            + "body{margin:0;background:#f6f8fa;color:var(--ink);"
            + "font:14px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif}\n"
            + "main{max-width:980px;margin:0 auto;padding:24px 32px 48px;background:#ffffff;"
            + "border-left:1px solid var(--line);border-right:1px solid var(--line)}\n"
            + "h1{font-size:22px;margin:0 0 4px}\n"
            + "h2{font-size:16px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}\n"
            + "code,td.num{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,\"DejaVu Sans Mono\",monospace}\n"
            + ".lead{color:var(--muted);margin:0 0 16px}\n"
            + ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:8px 12px;margin:0 0 8px;"
            + "border:1px solid var(--line);border-radius:6px;background:#f6f8fa}\n"
            + ".legend li{display:flex;align-items:center;gap:6px}\n"
            + ".legend small{color:var(--muted)}\n"
            + ".legend .note{color:var(--muted);font-size:12px;margin-left:auto}\n"
            + ".swatch{display:inline-block;width:22px;height:12px;border:1px solid rgba(0,0,0,.25);border-radius:2px;"
            + "vertical-align:-1px;margin-right:6px}\n"
            + "td .swatch{width:12px}\n"
            + ".swatch.free{background:#ffffff}\n"
            + ".map{margin:0;overflow-x:auto}\n"
            + ".map svg{display:block;max-width:100%;height:auto}\n"
            + "table{border-collapse:collapse;width:100%;font-size:13px}\n"
            + ".table{overflow-x:auto}\n"
            + "th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;overflow-wrap:anywhere}\n"
            + "th{background:#f6f8fa;font-weight:600}\n"
            + ".num{text-align:right;white-space:nowrap}\n"
            + "tr.free td{color:var(--muted);font-style:italic}\n"
            + "tbody tr:hover td{background:#f3f6fa}\n";
}
