package dev.wasmlayout.cli;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.report.ReportFormat;
import dev.wasmlayout.layout.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Render a layout as text, Markdown, HTML (SVG map), JSON or a C header.",
        description = {
            "Renders a layout (layout.json, or a folder written by `link`) as a memory map: text, Markdown,",
            "HTML with the memory drawn to scale as SVG (hover a region for its addresses), JSON, or a C",
            "header with a #define for every region's start, end and size.",
            "",
            "Example:",
            "  wasm-layout report out/pipeline --format html -o out/pipeline/report.html",
            "  wasm-layout report out/pipeline/layout.json --format c-header > layout.h"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  rendered", "  2  no such layout, or not a layout.json"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAYOUT", description = "layout.json, or the folder holding it.")
    Path layout;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), md, html, json or c-header.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat f = ReportFormat.fromCliName(format).orElseThrow(() -> new UserError(
                "--format " + format + ": expected one of " + String.join(", ", ReportFormat.cliNames())));
        Path file = Files.isDirectory(layout) ? layout.resolve("layout.json") : layout;
        if (!Files.exists(file)) {
            throw new UserError(file + ": no such file");
        }
        Layout l = LayoutJson.read(file);
        if (output != null) {
            Reports.writeTo(output, l, f);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Reports.render(l, f));
            out.flush();
        }
        return 0;
    }
}
