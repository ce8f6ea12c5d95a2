package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmlayout.wasm.ParsedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: output, JSON contracts and exit codes. */
class CommandsTest {
    @TempDir
    Path tmp;

    static Path samples() {
        String p = System.getProperty("wasmlayout.root");
        return (p != null ? Paths.get(p) : Paths.get("").toAbsolutePath().getParent()).resolve("samples");
    }

    @Test
    void inspectJsonHasTheDocumentedKeys() throws Exception {
        CliRun r = CliRun.of("inspect", "--json", samples().resolve("footprint/build/sieve.wasm").toString());
        assertThat(r.exit()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.fieldNames()).toIterable().contains("memory", "data", "stack", "heap", "relocations", "pic", "strategies");
        assertThat(n.at("/data/start").asLong()).isEqualTo(32768);
        assertThat(n.at("/stack/stackFirst").asBoolean()).isTrue();
        assertThat(n.at("/heap/heapBase").asLong()).isEqualTo(67136);
        assertThat(n.at("/relocations/trusted").asBoolean()).isTrue();
    }

    @Test
    void inspectSaysWhetherDebugInfoCanBeKept() throws Exception {
        Path globals = samples().getParent().resolve("wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug/globals.wasm");
        CliRun r = CliRun.of("inspect", globals.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("debug       DWARF in 6 sections (.debug_loc, .debug_abbrev, .debug_info, .debug_str,"
                + " .debug_line, .debug_ranges), with relocations: relocate keeps it true\n");
        JsonNode n = new ObjectMapper().readTree(CliRun.of("inspect", "--json", globals.toString()).out());
        assertThat(n.at("/debug/dwarfRelocated").asBoolean()).isTrue();
        assertThat(n.at("/debug/dwarfSections")).hasSize(6);
        assertThat(CliRun.of("inspect", samples().resolve("footprint/build/sieve.wasm").toString()).out())
                .contains("debug       none\n");
    }

    @Test
    void inspectShowsExceptionHandling() throws Exception {
        Path calc = samples().resolve("setjmp/build/calc.wasm");
        CliRun r = CliRun.of("inspect", calc.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("exceptions  tag 0 __c_longjmp (i32); try 4, catch 2, throw 1, delegate 2; legacy proposal"
                + " (first: try in __original_main at 0x229): V8 runs it; the validator runs it translated to try_table\n");
        assertThat(r.out()).containsPattern("relocate +yes");
        JsonNode n = new ObjectMapper().readTree(CliRun.of("inspect", "--json", calc.toString()).out());
        assertThat(n.at("/exceptions/firstLegacyOffset").asLong()).isEqualTo(0x229);
        assertThat(n.at("/exceptions/instructions/delegate").asInt()).isEqualTo(2);
        assertThat(CliRun.of("inspect", samples().resolve("setjmp/build/table.wasm").toString()).out())
                .contains("exceptions  none\n");
    }

    @Test
    void inspectSaysStaleForAModuleRelinkedThroughWasmOpt() {
        CliRun r = CliRun.of("inspect", samples().resolve("footprint/build/checksum.stale.wasm").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("relocations stale: ").contains("keep wasm-opt off PATH");
        assertThat(r.out()).containsPattern("relocate +no +stale");
    }

    @Test
    void planJsonIsTheMachineContract() throws Exception {
        CliRun r = CliRun.of("plan", "--json", samples().resolve("pipeline/wasm-layout.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("memory").fieldNames()).toIterable().contains("import", "pageSize", "initialPages", "maxPages");
        assertThat(n.at("/memory/import").asText()).isEqualTo("env.memory");
        assertThat(n.at("/memory/pageSize").asInt()).isEqualTo(65536);
        for (JsonNode region : n.get("regions")) {
            assertThat(region.fieldNames()).toIterable().contains("name", "kind", "owner", "start", "end");
            assertThat(region.get("kind").asText()).isIn("data", "stack", "heap", "shared", "reserved", "guard");
        }
        assertThat(n.get("modules")).extracting(m -> m.get("name").asText() + ":" + m.get("strategy").asText())
                .containsExactly("producer:relocate", "consumer:relocate");
    }

    @Test
    void linkFuseWritesOneModuleAndSaysWhatIsLeftToTheHost() throws Exception {
        Path out = tmp.resolve("he");
        CliRun r = CliRun.of("link", samples().resolve("host-exchange/wasm-layout.yaml").toString(), "-o", out.toString(), "--fuse");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("fused 1 modules -> " + out.resolve("fused.wasm") + "\n")
                .contains("  left to the host: write host-io (")
                .containsPattern("left to the host: write host-io \\(.*wasm-layout.yaml:14:\\d+\\)");
        assertThat(ParsedModule.parse(Files.readAllBytes(out.resolve("fused.wasm"))).sections.exports)
                .extracting(e -> e.name()).containsExactly("transform.transform", "transform.upper", "transform.set_shift",
                        "transform.report", "memory", "__indirect_function_table", "_start");
    }

    @Test
    void aSetThatCannotBeFusedIsOneLineAndExitTwo() throws Exception {
        // app1 takes its mathlib imports from trace, which has no such functions
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Path lib = samples().resolve("shared-lib");
        Files.writeString(dir.resolve("wasm-layout.yaml"), Files.readString(lib.resolve("wasm-layout.yaml"))
                .replace("wasm: build/", "wasm: " + lib.resolve("build") + "/")
                .replaceFirst("imports: \\{ mathlib: mathlib, trace: trace }", "imports: { mathlib: trace, trace: trace }"));
        CliRun r = CliRun.of("link", dir.resolve("wasm-layout.yaml").toString(), "-o", dir.resolve("out").toString(), "--fuse");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("wasm-layout: " + lib.resolve("build/app1.wasm") + ": module 'app1': cannot fuse: imports"
                + " trace.vec_sum but module 'trace' exports no function 'vec_sum'\n");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(CliRun.of("link", dir.resolve("wasm-layout.yaml").toString(), "-o", dir.resolve("out").toString(),
                "--import-memory").exit()).isEqualTo(2);
    }

    @Test
    void badManifestIsOneLineAndExitTwo() throws Exception {
        Path m = tmp.resolve("wasm-layout.yaml");
        Files.writeString(m, "memory: { max: 1MiB }\nmodules:\n  - { name: a, wasm: a.wasm, stak: 1KiB }\n");
        CliRun r = CliRun.of("plan", m.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("wasm-layout: " + m + ":3:").contains("unknown key 'stak'").contains("did you mean 'stack'?");
    }

    @Test
    void linkThenRunAndVerify() {
        Path out = tmp.resolve("out");
        CliRun link = CliRun.of("link", samples().resolve("host-exchange/wasm-layout.yaml").toString(), "-o", out.toString(), "--validate");
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out()).contains("linked transform (relocate)").contains("OK: 8 steps, 0 failed, 0 violations")
                .containsPattern("(?m)^   transform\\.set_shift returned 13, \\d+ ms$")
                .containsPattern("(?m)^   transform\\.report, \\d+ ms$");
        assertThat(out.resolve("transform.wasm")).exists();
        assertThat(out.resolve("layout.json")).exists();
        assertThat(out.resolve("wasm-layout.lock")).exists();
        CliRun verify = CliRun.of("verify", out.toString());
        assertThat(verify.exit()).isZero();
        CliRun run = CliRun.of("run", out.toString(), "--engine", "interpreter");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("transform calls=4");
    }

    @Test
    void runJsonShowsWhatEachCallReturned() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("link", samples().resolve("host-exchange/wasm-layout.yaml").toString(), "-o", out.toString())
                .exit()).isZero();
        CliRun run = CliRun.of("run", out.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode steps = new ObjectMapper().readTree(run.out()).path("report").path("steps");
        assertThat(steps).hasSize(8);
        assertThat(steps.get(0).path("export").asText()).isEqualTo("load");
        assertThat(steps.get(0).path("returned").isArray()).isTrue();
        assertThat(steps.get(0).path("returned")).isEmpty();
        assertThat(steps.get(1).path("returned").toString()).isEqualTo("[38]");
        assertThat(steps.get(4).path("export").asText()).isEqualTo("set_shift");
        assertThat(steps.get(4).path("returned").toString()).isEqualTo("[13]");
        assertThat(steps.get(7).path("returned")).isEmpty();
    }

    @Test
    void aWrongExpectResultFailsTheRunShowingBothValues() throws Exception {
        Path manifest = Files.writeString(tmp.resolve("wasm-layout.yaml"), """
                memory: { max: 256KiB }
                reserve: [ { name: host-io, size: 4KiB, align: 4KiB, writers: [transform] } ]
                modules: [ { name: transform, wasm: %s, stack: 4KiB, heap: 0 } ]
                run:
                  - { write: host-io, text: "abc" }
                  - { call: transform.transform, args: [host-io, 3], expect-result: 4 }
                  - { call: transform.set_shift, args: [3], expect-result: 13 }
                """.formatted(samples().resolve("host-exchange/build/transform.wasm").toAbsolutePath()));
        CliRun link = CliRun.of("link", manifest.toString(), "-o", tmp.resolve("out").toString(), "--validate");
        assertThat(link.exit()).as(link.err()).isEqualTo(1);
        assertThat(link.out())
                .containsPattern("(?m)^   transform\\.transform returned 3, \\d+ ms  FAILED: expected result 4, got 3$")
                .containsPattern("(?m)^   transform\\.set_shift returned 13, \\d+ ms$")
                .contains("FAILED: 3 steps, 1 failed, 0 violations");
    }

    @Test
    void numericArgumentsAreDecimalOrHexNeverOctal() throws Exception {
        Path manifest = tmp.resolve("args.yaml");
        Files.writeString(manifest, """
                memory: { max: 256KiB }
                reserve: [ { name: host-io, size: 4KiB, align: 4KiB, writers: [transform] } ]
                modules: [ { name: transform, wasm: %s, stack: 4KiB, heap: 0 } ]
                run:
                  - { call: transform.set_shift, args: [010] }
                  - { call: transform.set_shift, args: [0x1F], expect-result: 10 }
                  - { call: transform.set_shift, args: [3], expect-result: 5 }   # 31 mod 26
                """.formatted(samples().resolve("host-exchange/build/transform.wasm").toAbsolutePath()));
        CliRun link = CliRun.of("link", manifest.toString(), "-o", tmp.resolve("out").toString(), "--validate");
        assertThat(link.exit()).as(link.out()).isEqualTo(0);
    }

    @Test
    void linkWarnsWhenItDropsDebugInfo() throws Exception {
        Path modules = samples().getParent().resolve("wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug");
        Files.copy(modules.resolve("grow.pic.wasm"), tmp.resolve("grow.pic.wasm"));
        Files.copy(modules.resolve("globals.wasm"), tmp.resolve("globals.wasm"));
        Path m = tmp.resolve("wasm-layout.yaml");
        Files.writeString(m, "memory: { max: 1MiB }\nmodules:\n  - { name: grow, wasm: grow.pic.wasm }\n"
                + "  - { name: globals, wasm: globals.wasm }\n");
        CliRun r = CliRun.of("link", m.toString(), "-o", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> lines = r.out().lines().toList();
        int grow = lines.indexOf(lines.stream().filter(l -> l.startsWith("linked grow (pic)")).findFirst().orElseThrow());
        assertThat(lines.get(grow + 1))
                .startsWith("  warning: dropped the debug info (6 .debug_* sections): a position-independent");
        // globals keeps its DWARF, rewritten: nothing to warn about
        assertThat(r.out()).doesNotContain("warning: dropped the debug info (6 .debug_* sections): static data");
        assertThat(lines.stream().filter(l -> l.startsWith("  warning:"))).hasSize(1);
    }

    @Test
    void linkWithoutAnOptionalModuleKeepsDebugInfoWhenTheStubsFit() throws Exception {
        Path modules = samples().getParent().resolve("wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug");
        Files.copy(modules.resolve("grow.wasm"), tmp.resolve("grow.wasm"));
        Files.copy(samples().resolve("shared-lib/build/trace.wasm"), tmp.resolve("trace.wasm"));
        Path m = tmp.resolve("wasm-layout.yaml");
        Files.writeString(m, "memory: { max: 1MiB }\nmodules:\n  - { name: trace, wasm: trace.wasm, optional: true }\n"
                + "  - { name: grow, wasm: grow.wasm, imports: { trace: trace } }\n");
        CliRun r = CliRun.of("link", m.toString(), "-o", tmp.resolve("out").toString(), "--without", "trace");
        assertThat(r.exit()).as(r.err()).isZero();
        // trace.note became a stub in the five bytes its call had: no code moved, so the DWARF stays; the one
        // warning is the relocate patch's own (grow's memory.grow became a longer call)
        assertThat(r.out()).doesNotContain("dropped the debug info");
        assertThat(r.out().lines().filter(l -> l.startsWith("  warning:"))).singleElement().asString()
                .startsWith("  warning: debug info of grow marked as removed code");
        ParsedModule linked = ParsedModule.parse(Files.readAllBytes(tmp.resolve("out/grow.wasm")));
        assertThat(linked.functionName(linked.sections.functionCount() - 1)).isEqualTo("stub:trace.note");
        assertThat(linked.module.sections()).filteredOn(s -> s.isCustom() && s.customName().startsWith(".debug_")).hasSize(6);
    }

    @Test
    void staleLinkIsRefusedWithExitTwo() {
        CliRun r = CliRun.of("link", samples().resolve("host-exchange/wasm-layout.stale.yaml").toString(), "-o",
                tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("transform.stale.wasm: module 'transform' cannot be moved: relocate: stale:");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /** hog (linker's test module, mallocs until NULL) with the given heap, in a manifest of its own in tmp. */
    private Path hogManifest(String heap) throws Exception {
        Path hog = samples().getParent().resolve("linker/src/test/resources/malloc/hog.wasm");
        Files.copy(hog, tmp.resolve("hog.wasm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path m = tmp.resolve("wasm-layout.yaml");
        Files.writeString(m, "memory: { max: 1MiB }\nmodules:\n  - { name: hog, wasm: hog.wasm, stack: 8KiB, heap: " + heap
                + " }\n");
        return m;
    }

    @Test
    void planMinusOReadsTheLockLinkReadsAndPrintsTheSameMap() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("link", hogManifest("128KiB").toString(), "-o", out.toString()).exit()).isZero();
        Path smaller = hogManifest("120KiB");
        CliRun plan = CliRun.of("plan", smaller.toString(), "-o", out.toString());
        CliRun link = CliRun.of("link", smaller.toString(), "-o", out.toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(plan.out()).contains("moved: hog.heap from 0x10000 to ");
        assertThat(link.out()).startsWith(plan.out()); // the map and the moves, then what link did
        assertThat(CliRun.of("verify", out.toString()).out()).doesNotContain("warning:").contains("OK: ");
    }

    @Test
    void heapZeroForAModuleThatMallocsIsAWarningOfPlanAndLink() throws Exception {
        Path m = hogManifest("0");
        CliRun plan = CliRun.of("plan", m.toString());
        assertThat(plan.exit()).isZero();
        String warning = "warning: " + m + ":3:5: module 'hog' has heap: 0 but its code reaches memory.grow/memory.size"
                + " (malloc does): every allocation will fail; give it a heap or check that it never allocates";
        assertThat(plan.out()).contains(warning + "\n");
        assertThat(CliRun.of("plan", "--json", m.toString()).err()).contains(warning);
        assertThat(CliRun.of("link", m.toString(), "-o", tmp.resolve("out").toString()).out()).contains(warning + "\n");
    }
}
