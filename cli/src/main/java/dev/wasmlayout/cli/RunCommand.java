package dev.wasmlayout.cli;

import dev.wasmlayout.linker.Json;
import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.linker.RunText;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.ValidatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a linked folder in the bundled interpreter and catch stray writes.",
        description = {
            "Runs a linked folder in the bundled Chicory interpreter, in one memory, with the manifest's",
            "run steps, and reports every write that lands outside the writing module's regions.",
            "Each step is listed with its exit code or what the export returned (`returned 38`);",
            "a step's expect-stdout, expect-exit and expect-result are checked.",
            "When DIR holds fused.wasm (link --fuse), that one module runs instead, with the same steps and",
            "the same check: each write is attributed to the module whose function made it.",
            "",
            "Example:",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o out && wasm-layout run out",
            "  wasm-layout run out --all --engine interpreter",
            "  wasm-layout run out --differential     # also run each original module alone and compare"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  clean run", "  1  violations, failed expectations or differences", "  2  bad input"})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by `wasm-layout link`.")
    Path dir;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "compiler (default) or interpreter.")
    Engine engine = Engine.COMPILER;

    @Option(names = "--all", description = "Collect every violation instead of stopping at the first.")
    boolean all;

    @Option(names = "--timeout", paramLabel = "MS", description = "Time limit per step in milliseconds (default ${DEFAULT-VALUE}).")
    long timeout = ValidatorOptions.DEFAULT_TIMEOUT_MILLIS;

    @Option(names = "--differential", description = "Run each original command module alone and compare stdout and stderr"
            + " byte for byte and how it ended; for fused.wasm, also every step with the linked set's run of it.")
    boolean differential;

    @Option(names = "--json", description = "Print the run (steps, violations, console, differences) as JSON;"
            + " each step has module, export, exitCode, returned (what the export returned, [] for nothing),"
            + " stdout, stderr (each {length, text or null when not UTF-8, base64}), millis, failure and ending.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunJob.Outcome outcome = RunJob.run(dir, new RunJob.Options(engine, all, timeout, differential));
        out.print(json ? Json.write(outcome) : RunText.render(outcome));
        out.flush();
        return outcome.exitStatus();
    }
}
