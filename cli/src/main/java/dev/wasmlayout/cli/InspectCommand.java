package dev.wasmlayout.cli;

import dev.wasmlayout.linker.Json;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Show what a linked module holds and which patch strategies apply.",
        description = {
            "Shows what wasm-layout reads from a linked module: memory, static data, stack, heap symbols,",
            "relocations (and whether they can be trusted), PIC imports, memory.grow sites, and which",
            "patch strategies (relocate, pic, placed) apply.",
            "",
            "Example:",
            "  wasm-layout inspect samples/footprint/build/sieve.wasm",
            "  wasm-layout inspect --json samples/footprint/build/sieve.wasm | jq .strategies"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  inspected", "  2  the file is missing or not a valid module (one line on stderr)"})
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.wasm", arity = "1..*", description = "Modules to inspect.")
    Path[] files;

    @Option(names = "--json", description = "Print the facts as JSON (an array when several files are given).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<ModuleFacts> all = new java.util.ArrayList<>();
        for (Path f : files) {
            all.add(Inputs.wasm(f, b -> Inspector.inspect(f.toString(), b)));
        }
        if (json) {
            out.print(Json.write(all.size() == 1 ? all.get(0) : all));
        } else {
            for (int i = 0; i < all.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(FactsText.render(all.get(i)));
            }
        }
        out.flush();
        return 0;
    }
}
