package dev.wasmlayout.cli;

import dev.wasmlayout.linker.LinkJob;
import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.validator.ValidatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
        header = "Patch every module of a manifest into the shared memory (and --validate it).",
        description = {
            "Plans (or keeps the lock) and patches every module of a manifest into the shared memory.",
            "Writes DIR/<module>.wasm, layout.json, wasm-layout.lock and the reports; nothing is written",
            "when anything fails.",
            "",
            "Example:",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o build/linked",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o build/linked --validate",
            "  wasm-layout link samples/shared-lib/wasm-layout.yaml -o out --without trace"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  linked (and, with --validate, a clean run)", "  1  with --validate: violations or failed steps",
            "  2  bad input, a module no strategy can move, or no plan fits (one line on stderr)"})
final class LinkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MANIFEST", description = "The wasm-layout.yaml to link.")
    Path manifest;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path outDir;

    @Option(names = "--locked", description = "Fail instead of moving any region of DIR/wasm-layout.lock.")
    boolean locked;

    @Option(names = "--without", paramLabel = "MODULE", description = "Leave out an optional module; imports from it become stubs returning zero.")
    List<String> without = List.of();

    @Option(names = "--validate", description = "Then run the set in the bundled interpreter (as `wasm-layout run DIR`).")
    boolean validate;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "With --validate: compiler (default) or interpreter.")
    dev.wasmlayout.validator.Engine engine = dev.wasmlayout.validator.Engine.COMPILER;

    @Option(names = "--all", description = "With --validate: collect every violation instead of stopping at the first.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, outDir, locked, new LinkedHashSet<>(without)),
                Progress.toTerminal());
        out.print(dev.wasmlayout.layout.report.Reports.render(linked.layout(), dev.wasmlayout.layout.report.ReportFormat.TEXT));
        for (dev.wasmlayout.planner.Move m : linked.planned().plan().moves()) {
            out.printf("moved: %s from 0x%x to 0x%x (%s)%n", m.region(), m.oldStart(), m.newStart(), m.reason());
        }
        for (String w : linked.planned().plan().warnings()) {
            out.printf("warning: %s%n", w);
        }
        for (LinkJob.LinkedModule m : linked.modules()) {
            out.printf("linked %s (%s) -> %s%n", m.name(), m.strategy(), outDir.resolve(m.name() + ".wasm"));
            for (String w : m.warnings()) {
                out.printf("  warning: %s%n", w);
            }
        }
        out.flush();
        if (!validate) {
            return 0;
        }
        out.println();
        RunJob.Outcome outcome = RunJob.run(outDir, new RunJob.Options(engine, all, ValidatorOptions.DEFAULT_TIMEOUT_MILLIS, false));
        out.print(RunText.render(outcome));
        out.flush();
        return outcome.exitStatus();
    }
}
