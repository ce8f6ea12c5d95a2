package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.report.ReportFormat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report files a link writes beside the modules: layout.h, report.md and report.html. */
final class Reports {
    private Reports() {
    }

    static Map<String, byte[]> files(Layout layout) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ReportFormat f : new ReportFormat[] {ReportFormat.C_HEADER, ReportFormat.MD, ReportFormat.HTML}) {
            out.put(f.fileName(), dev.wasmlayout.layout.report.Reports.render(layout, f).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
