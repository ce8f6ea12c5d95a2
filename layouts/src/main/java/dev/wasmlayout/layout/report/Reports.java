package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.AtomicFiles;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Renders a layout for people and for other tools. Every report is a pure function of the layout:
 * no timestamps, no host names, LF line ends, so a report can be committed and diffed.
 */
public final class Reports {

    private Reports() {
    }

    public static String render(Layout layout, ReportFormat format) {
        return switch (format) {
            case TEXT -> TextReport.render(layout);
            case MD -> MarkdownReport.render(layout);
            case HTML -> HtmlReport.render(layout);
            case JSON -> LayoutJson.write(layout); // the contract file itself, byte for byte
            case C_HEADER -> CHeaderReport.render(layout);
        };
    }

    /** Writes the report to {@code file} atomically, as UTF-8. */
    public static void writeTo(Path file, Layout layout, ReportFormat format) {
        AtomicFiles.write(file, render(layout, format).getBytes(StandardCharsets.UTF_8));
    }
}
