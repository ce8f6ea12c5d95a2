package dev.wasmlayout.cli;

import dev.wasmlayout.linker.LinkJob;
import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.linker.RunText;
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
            "Writes DIR/<module>.wasm, layout.json, wasm-layout.lock and the reports as one set that replaces",
            "DIR's content (built beside DIR, then swapped in): when anything fails, --validate included,",
            "or the link is killed, DIR keeps the previous set. DIR must be new, empty or a link's output.",
            "",
            "Example:",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o build/linked",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o build/linked --validate",
            "  wasm-layout link samples/shared-lib/wasm-layout.yaml -o out --without trace",
            "  wasm-layout link samples/footprint/wasm-layout.yaml -o out/fp --fuse && iwasm out/fp/fused.wasm",
            "",
            "--fuse also merges the linked set into one module, DIR/fused.wasm, for runtimes that cannot give",
            "several instances one memory (WAMR, wasm3, AOT): one memory, every module at its planned regions,",
            "exports named <module>.<export>, and a _start that makes the manifest's call steps (host steps",
            "such as write, load and dump are listed as left to the host). A set with exception handling",
            "(setjmp/longjmp) fuses too, with a warning: a default WAMR build cannot run it; V8 can."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  linked (and, with --validate, a clean run)", "  1  with --validate: violations or failed steps",
            "  2  bad input, a module no strategy can move, no plan fits, or a set --fuse cannot merge (one line on stderr)"})
final class LinkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MANIFEST", description = "The wasm-layout.yaml to link.")
    Path manifest;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path outDir;

    @Option(names = "--locked", description = "Fail instead of moving any region of DIR/wasm-layout.lock.")
    boolean locked;

    @Option(names = "--without", paramLabel = "MODULE", description = "Leave out an optional module; imports from it become stubs returning zero.")
    List<String> without = List.of();

    @Option(names = "--fuse", description = "Also write DIR/fused.wasm: the whole set as one module (for WAMR and other one-instance runtimes).")
    boolean fuse;

    @Option(names = "--import-memory", description = "With --fuse: import the manifest's memory instead of defining it.")
    boolean importMemory;

    @Option(names = "--validate", description = "Then run the set in the bundled interpreter, and with --fuse fused.wasm too"
            + " (as `wasm-layout run DIR`).")
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
        if (importMemory && !fuse) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--import-memory only applies with --fuse");
        }
        RunJob.Outcome[] validation = new RunJob.Outcome[2]; // the linked set's run, then fused.wasm's (with --fuse)
        // --validate runs the new set where it is staged: only a clean run replaces DIR's content
        LinkJob.Written result = LinkJob.link(new LinkJob.Request(manifest, outDir, locked, new LinkedHashSet<>(without), fuse, importMemory),
                Progress.toTerminal(), staged -> {
                    if (!validate) {
                        return true;
                    }
                    RunJob.Options options = new RunJob.Options(engine, all, ValidatorOptions.DEFAULT_TIMEOUT_MILLIS, false);
                    validation[0] = RunJob.runShared(staged, options);
                    if (fuse) {
                        validation[1] = RunJob.runFused(staged, options);
                    }
                    return status(validation) == 0;
                });
        LinkJob.Linked linked = result.linked();
        out.print(dev.wasmlayout.layout.report.Reports.render(linked.layout(), dev.wasmlayout.layout.report.ReportFormat.TEXT));
        for (dev.wasmlayout.planner.Move m : linked.planned().plan().moves()) {
            out.printf("moved: %s from 0x%x to 0x%x (%s)%n", m.region(), m.oldStart(), m.newStart(), m.reason());
        }
        for (String w : linked.planned().plan().warnings()) {
            out.printf("warning: %s%n", w);
        }
        for (LinkJob.LinkedModule m : linked.modules()) {
            out.printf("linked %s (%s) -> %s%n", m.name(), m.strategy().jsonName(), outDir.resolve(m.name() + ".wasm"));
            for (String w : m.warnings()) {
                out.printf("  warning: %s%n", w);
            }
        }
        if (linked.fused() != null) {
            out.printf("fused %d modules -> %s%n", linked.modules().size(), outDir.resolve(LinkJob.FUSED));
            for (String w : linked.fused().warnings()) {
                out.printf("  warning: %s%n", w);
            }
            for (String h : linked.fused().leftToHost()) {
                out.printf("  left to the host: %s%n", h);
            }
        }
        out.flush();
        if (!validate) {
            return 0;
        }
        out.println();
        out.print(RunText.render(validation[0]));
        if (validation[1] != null) {
            out.println();
            out.println("-- " + LinkJob.FUSED);
            out.print(RunText.render(validation[1]));
        }
        if (!result.written()) {
            out.println("not written: the validation failed, so " + outDir + (java.nio.file.Files.isDirectory(outDir)
                    ? " keeps the previous set" : " was not created"));
        }
        out.flush();
        return status(validation);
    }

    private static int status(RunJob.Outcome[] runs) {
        int status = 0;
        for (RunJob.Outcome o : runs) {
            status = Math.max(status, o == null ? 0 : o.exitStatus());
        }
        return status;
    }
}
