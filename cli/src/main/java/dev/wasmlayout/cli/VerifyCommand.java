package dev.wasmlayout.cli;

import dev.wasmlayout.linker.Json;
import dev.wasmlayout.linker.VerifyJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Check a linked folder against its layout without running it.",
        description = {
            "Checks a linked folder against its layout without running it: no region overlaps, data segments",
            "inside their owner's data region, stack pointers at the top of their stacks, every module",
            "importing the planned memory, cross-module imports exported by their providers with the same type.",
            "",
            "Example:",
            "  wasm-layout link samples/shared-lib/wasm-layout.yaml -o out/lib && wasm-layout verify out/lib"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  consistent", "  1  problems found (one per line)", "  2  bad input"})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by `wasm-layout link`.")
    Path dir;

    @picocli.CommandLine.Option(names = "--json", description = "Print {\"ok\": bool, \"problems\": [...]} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = VerifyJob.verify(dir);
        List<String> warnings = VerifyJob.warnings(dir);
        if (json) {
            out.print(Json.write(java.util.Map.of("ok", problems.isEmpty(), "problems", problems, "warnings", warnings)));
        } else {
            problems.forEach(out::println);
            warnings.forEach(w -> out.println("warning: " + w));
            out.println(problems.isEmpty() ? "OK: " + dir + " is consistent with its layout" : "FAILED: " + problems.size() + " problems");
        }
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
