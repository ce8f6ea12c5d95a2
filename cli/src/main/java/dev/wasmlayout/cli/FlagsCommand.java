package dev.wasmlayout.cli;

import dev.wasmlayout.linker.Json;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.linker.FlagsJob;
import dev.wasmlayout.linker.PlanJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "flags", mixinStandardHelpOptions = true,
        header = "Print the wasm-ld flags that rebuild each module at its planned place.",
        description = {
            "Prints, per module, the wasm-ld flags that build it at its planned place, for toolchains that",
            "rebuild instead of patching (the placed strategy). The data goes at --global-base; the stack",
            "has its own planned region (`wasm-layout link` points __stack_pointer at it), so -z stack-size",
            "only spans the gap wasm-ld leaves between the data and __heap_base, which then lands on the",
            "planned heap; --import-memory and the memory limits match the plan. Mark such modules",
            "`strategy: placed` in the manifest.",
            "",
            "Example:",
            "  wasm-layout flags samples/pipeline/wasm-layout.yaml",
            "  clang-19 --target=wasm32-wasi -O2 app.c -o app.wasm $(wasm-layout flags --module app wasm-layout.yaml)"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  1  some module's plan cannot be expressed as wasm-ld flags (said in a # line)",
            "  2  bad manifest, unreadable module, or no plan fits"})
final class FlagsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MANIFEST", description = "The wasm-layout.yaml to plan.")
    Path manifest;

    @Option(names = "--module", paramLabel = "NAME", description = "Print only this module's flags, on one line, for a build script.")
    String module;

    @Option(names = "--json", description = "Print {module: [wasm-ld flags]} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PlanJob.Planned planned = PlanJob.plan(manifest, null, false);
        List<FlagsJob.ModuleFlags> all = FlagsJob.flags(planned);
        if (module != null) {
            FlagsJob.ModuleFlags f = all.stream().filter(m -> m.module().equals(module)).findFirst()
                    .orElseThrow(() -> new UserError(manifest + ": --module " + module + ": the manifest has no module '" + module + "'"));
            if (f.impossible() != null) {
                throw new UserError(manifest + ": " + f.impossible());
            }
            out.println(String.join(" ", f.clangArgs()));
            out.flush();
            return 0;
        }
        if (json) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            all.stream().filter(f -> f.impossible() == null).forEach(f -> map.put(f.module(), f.flags()));
            out.print(Json.write(map));
        } else {
            for (FlagsJob.ModuleFlags f : all) {
                if (f.impossible() != null) {
                    out.println("# " + f.impossible());
                    continue;
                }
                Region stack = planned.plan().layout().regions().stream()
                        .filter(r -> f.module().equals(r.owner()) && r.kind() == dev.wasmlayout.layout.RegionKind.STACK)
                        .findFirst().orElse(null);
                if (stack != null) {
                    out.printf("# %s: stack 0x%x..0x%x is set by `wasm-layout link`%n", f.module(), stack.start(), stack.end());
                }
                out.println(f.module() + ": " + String.join(" ", f.clangArgs()));
            }
        }
        out.flush();
        return all.stream().anyMatch(f -> f.impossible() != null) ? 1 : 0;
    }
}
