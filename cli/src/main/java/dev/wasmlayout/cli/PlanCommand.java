package dev.wasmlayout.cli;

import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.LockFile;
import dev.wasmlayout.linker.PlanJob;
import dev.wasmlayout.planner.Move;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Plan the shared memory of a manifest and print the memory map.",
        description = {
            "Plans the shared memory for the modules of a manifest and prints the memory map.",
            "A wasm-layout.lock beside the manifest keeps every region where it was when it still fits;",
            "what has to move is listed with the reason.",
            "",
            "Example:",
            "  wasm-layout plan samples/footprint/wasm-layout.yaml",
            "  wasm-layout plan --json samples/pipeline/wasm-layout.yaml > layout.json",
            "  wasm-layout plan --locked --write-lock wasm-layout.yaml    # CI: fail if anything would move"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  planned", "  2  bad manifest, unreadable module, or no plan fits (one line on stderr)"})
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MANIFEST", description = "The wasm-layout.yaml to plan.")
    Path manifest;

    @Option(names = "--json", description = "Print the plan as layout.json (the machine contract).")
    boolean json;

    @Option(names = "--lock", paramLabel = "FILE", description = "Lock file to keep addresses from (default: wasm-layout.lock beside the manifest).")
    Path lock;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Plan as `link -o DIR` would: keep the"
            + " addresses of DIR/wasm-layout.lock when DIR holds one (else the lock beside the manifest).")
    Path outDir;

    @Option(names = "--locked", description = "Fail instead of moving any locked region.")
    boolean locked;

    @Option(names = "--write-lock", description = "Write the plan to the lock file afterwards.")
    boolean writeLock;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (lock != null && outDir != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --lock or --output, not both");
        }
        PlanJob.Planned planned = PlanJob.plan(manifest, lock != null ? lock : outDir != null ? PlanJob.lockIn(outDir) : null,
                locked);
        var layout = planned.plan().layout();
        if (json) {
            out.print(LayoutJson.write(layout));
        } else {
            out.print(dev.wasmlayout.layout.report.Reports.render(layout, dev.wasmlayout.layout.report.ReportFormat.TEXT));
            for (Move m : planned.plan().moves()) {
                out.printf("moved: %s from 0x%x to 0x%x (%s)%n", m.region(), m.oldStart(), m.newStart(), m.reason());
            }
        }
        for (String w : planned.plan().warnings()) {
            // as link prints them; with --json on stderr, so stdout stays the contract alone
            (json ? spec.commandLine().getErr() : out).println("warning: " + w);
        }
        if (writeLock) {
            Path target = lock != null ? lock : PlanJob.lockBeside(planned.manifest());
            LockFile.writeTo(target, layout);
        }
        out.flush();
        return 0;
    }
}
