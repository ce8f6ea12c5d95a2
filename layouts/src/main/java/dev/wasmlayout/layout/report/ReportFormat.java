package dev.wasmlayout.layout.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reports {@link Reports#render} makes, with the names the command line uses for them. */
public enum ReportFormat {
    TEXT("text", "report.txt"),
    MD("md", "report.md"),
    HTML("html", "report.html"),
    JSON("json", "layout.json"),
    C_HEADER("c-header", "layout.h");

    private final String cliName;
    private final String fileName;

    ReportFormat(String cliName, String fileName) {
        this.cliName = cliName;
        this.fileName = fileName;
    }

    /** {@code text}, {@code md}, {@code html}, {@code json}, {@code c-header}. */
    public String cliName() {
        return cliName;
    }

    /** The file the report is usually written to: {@code report.html}, {@code layout.h}, ... */
    public String fileName() {
        return fileName;
    }

    public static Optional<ReportFormat> fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(ReportFormat::cliName).toList();
    }
}
