package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ManifestReader;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.RunStep;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.RunModule;
import dev.wasmlayout.validator.Standalone;
import dev.wasmlayout.validator.StandaloneResult;
import dev.wasmlayout.wasm.ParsedModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample manifest that links, fused into one module: wasm-validate accepts it, and Node/V8,
 * wabt's wasm-interp and Chicory print exactly the sample's expected output. The same samples'
 * ordinary shared-memory output runs under Node too, with one WebAssembly.Memory for all modules.
 */
class FusedSamplesTest {
    @TempDir
    Path tmp;

    /** Every samples/<s>/wasm-layout*.yaml (the stale ones are refused), plus shared-lib without its optional trace. */
    static Stream<Arguments> manifests() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SamplesEndToEndTest.root())) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        String n = f.getFileName().toString();
                        if (n.startsWith("wasm-layout") && n.endsWith(".yaml")) {
                            out.add(Arguments.of(dir.getFileName() + "/" + n, Set.of(), dir.resolve("expected-output.txt")));
                        }
                    }
                }
            }
        }
        out.add(Arguments.of("shared-lib/wasm-layout.yaml", Set.of("trace"),
                SamplesEndToEndTest.root().resolve("shared-lib/expected-output.no-trace.txt")));
        return out.stream();
    }

    /** The manifests that link (the stale ones are refused: {@link #fusedSampleRunsWithItsExpectedOutput} checks that). */
    static Stream<Arguments> linkable() throws IOException {
        return manifests().filter(a -> !((String) a.get()[0]).contains(".stale."));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("manifests")
    void fusedSampleRunsWithItsExpectedOutput(String name, Set<String> without, Path expected) throws Exception {
        Path manifest = SamplesEndToEndTest.root().resolve(name);
        Path out = tmp.resolve("out");
        LinkJob.Request req = new LinkJob.Request(manifest, out, false, without, true, false);
        if (name.contains(".stale.")) {
            assertThatThrownBy(() -> LinkJob.link(req)).isInstanceOf(LinkException.class).hasMessageContaining("stale");
            assertThat(out).doesNotExist();
            return;
        }
        LinkJob.Linked linked = LinkJob.link(req);
        Path fused = out.resolve(LinkJob.FUSED);
        assertThat(fused).exists();
        String want = Files.readString(expected);
        Manifest m = ManifestReader.load(manifest);
        boolean hostSteps = m.run().stream().anyMatch(s -> s.write().isPresent() || s.load().isPresent());
        assertThat(linked.fused().leftToHost().isEmpty()).isEqualTo(!hostSteps);

        // what WAMR reads: nothing but memory, the table and _start ([] -> []) unprefixed (no bare __heap_base,
        // __data_end, malloc, free or _initialize), no global or table imports
        var sections = dev.wasmlayout.wasm.ParsedModule.parse(Files.readAllBytes(fused)).sections;
        for (var e : sections.exports) {
            assertThat(e.name()).matches(n -> List.of("memory", "__indirect_function_table", "_start").contains(n)
                    || linked.modules().stream().anyMatch(lm -> n.startsWith(lm.name() + ".")), "prefixed by its module");
        }
        var start = sections.exports.stream().filter(e -> e.name().equals("_start")).findFirst().orElseThrow();
        assertThat(sections.functionType(start.index())).isEqualTo(new dev.wasmlayout.wasm.sections.FuncType(new int[0], new int[0]));
        assertThat(sections.importedGlobals + sections.importedTables + sections.importedMemories).isZero();
        // runtimes without reference types read call_indirect's table index as one 0x00 byte
        byte[] fusedBytes = Files.readAllBytes(fused);
        int calls = 0;
        for (var b : sections.bodies) {
            var insns = dev.wasmlayout.wasm.code.InstructionReader.forFunctionBody(
                    new dev.wasmlayout.wasm.ByteReader(fusedBytes, b.codeStart(), b.end(), "code")).readAll();
            for (int k = 0; k + 1 < insns.size(); k++) {
                if (insns.get(k).opcode() == dev.wasmlayout.wasm.code.Opcode.CALL_INDIRECT) {
                    int end = insns.get(k + 1).offset();
                    assertThat(fusedBytes[end - 1]).isZero();
                    assertThat(fusedBytes[end - 2] & 0x80).as("table index in one byte").isZero();
                    calls++;
                }
            }
        }
        assertThat(calls > 0).isEqualTo(sections.elements.size() > 0);
        // a set with exception handling (setjmp) fuses, with one warning line: no WAMR default build runs it
        assertThat(linked.fused().warnings().stream().filter(w -> w.contains("exception handling")).count())
                .isEqualTo(sections.tagCount() > 0 ? 1 : 0);
        assertThat(sections.memories).singleElement().satisfies(l -> {
            assertThat(l.min()).isEqualTo(linked.layout().initialPages());
            assertThat(l.max()).isEqualTo(linked.layout().maxPages());
        });

        Tool validate = Tool.run(List.of("wasm-validate", "--enable-exceptions", fused.toString())); // setjmp: tags, legacy try
        if (validate.present()) {
            assertThat(validate.status()).as("wasm-validate: " + validate.output()).isZero();
        }
        if (!hostSteps) {
            // Chicory, through the validator's lone-module runner: _start does the manifest's calls
            StandaloneResult r = Standalone.run(RunModule.of("fused", Files.readAllBytes(fused)), Engine.INTERPRETER, 20_000);
            assertThat(r.failure()).as("Chicory").isNull();
            assertThat(r.stdout().text()).as("Chicory").isEqualTo(want);
        }
        Tool node = node(plan(m, linked.layout(), out, without, true));
        assumeTrue(node.present(), "node is not installed");
        assertThat(node.status()).as("node: " + node.output()).isZero();
        assertThat(node.stdout()).as("node").isEqualTo(want);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("linkable")
    void fusedSampleRunsUnderWasmInterp(String name, Set<String> without, Path expected) throws Exception {
        Path manifest = SamplesEndToEndTest.root().resolve(name);
        assumeTrue(ManifestReader.load(manifest).run().stream().noneMatch(s -> s.write().isPresent() || s.load().isPresent()),
                "the sample has host steps, which wasm-interp cannot do");
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest, out, false, without, true, false));
        Tool interp = Tool.run(List.of("wasm-interp", "--wasi", "--enable-exceptions", out.resolve(LinkJob.FUSED).toString()));
        assumeTrue(interp.present(), "wabt's wasm-interp is not installed");
        assumeTrue(!interp.output().contains("wasi support not compiled in"), "this wasm-interp was built without WASI support");
        assertThat(interp.status()).as(interp.output()).isZero();
        assertThat(interp.stdout()).isEqualTo(Files.readString(expected));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("linkable")
    void linkedSetRunsUnderNodeInOneMemory(String name, Set<String> without, Path expected) throws Exception {
        Path manifest = SamplesEndToEndTest.root().resolve(name);
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, out, false, without));
        Tool node = node(plan(ManifestReader.load(manifest), linked.layout(), out, without, false));
        assumeTrue(node.present(), "node is not installed");
        assertThat(node.status()).as("node: " + node.output()).isZero();
        assertThat(node.stdout()).isEqualTo(Files.readString(expected));
    }

    @Test
    void eachFusedModuleSeesItsOwnArgvAndEnvironment() throws Exception {
        Path manifest = Path.of(getClass().getResource("/fuse-args/wasm-layout.yaml").toURI());
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of(), true, false));
        String want = "argv[0] = first\nargv[1] = one\nargv[2] = two words\nGREETING = hello\n"
                + "argv[0] = second\nargv[1] = \u00e9\nGREETING = (unset)\n";
        StandaloneResult r = Standalone.run(RunModule.of("fused", Files.readAllBytes(out.resolve(LinkJob.FUSED))),
                Engine.INTERPRETER, 20_000);
        assertThat(r.failure()).isNull();
        assertThat(r.stdout().text()).isEqualTo(want);
        Tool node = node(plan(ManifestReader.load(manifest), linked.layout(), out, Set.of(), true));
        assumeTrue(node.present(), "node is not installed");
        assertThat(node.stdout()).isEqualTo(want);
    }

    @Test
    void twoSetjmpModulesKeepTheirOwnTagsWhenFused() throws Exception {
        // the second calc's __c_longjmp becomes tag 1: its throws and catches must follow, or its longjmp escapes
        Path calc = SamplesEndToEndTest.root().resolve("setjmp/build/calc.wasm");
        Path manifest = tmp.resolve("wasm-layout.yaml");
        Files.writeString(manifest, "memory: { max: 1MiB }\nmodules:\n"
                + "  - { name: calc, wasm: " + calc + ", stack: 16KiB, heap: 16KiB }\n"
                + "  - { name: again, wasm: " + calc + ", stack: 16KiB, heap: 16KiB }\n");
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of(), true, false));
        byte[] fused = Files.readAllBytes(out.resolve(LinkJob.FUSED));
        var s = dev.wasmlayout.wasm.ParsedModule.parse(fused).sections;
        assertThat(s.tags).hasSize(2);
        // each copy throws and catches its own tag (the same type, so a mix-up would still run: checked here)
        Map<Long, Long> uses = new java.util.TreeMap<>();
        for (var b : s.bodies) {
            for (var i : dev.wasmlayout.wasm.code.InstructionReader.forFunctionBody(
                    new dev.wasmlayout.wasm.ByteReader(fused, b.codeStart(), b.end(), "code")).readAll()) {
                if (i.opcode() == dev.wasmlayout.wasm.code.Opcode.THROW || i.opcode() == dev.wasmlayout.wasm.code.Opcode.CATCH) {
                    uses.merge(i.imm(0), 1L, Long::sum);
                }
            }
        }
        assertThat(uses.keySet()).containsExactly(0L, 1L);
        assertThat(uses.get(0L)).isPositive().isEqualTo(uses.get(1L));
        assertThat(linked.fused().warnings()).containsExactly("modules 'calc', 'again' use exception handling: the fused module"
                + " needs a runtime with exception handling (V8/node, wasmtime); a default WAMR build has none");
        String once = Files.readString(SamplesEndToEndTest.root().resolve("setjmp/expected-output.txt"));
        once = once.substring(0, once.indexOf("   1   2")); // calc's part
        StandaloneResult r = Standalone.run(RunModule.of("fused", fused), Engine.INTERPRETER, 20_000);
        assertThat(r.failure()).as("Chicory").isNull();
        assertThat(r.stdout().text()).as("Chicory").isEqualTo(once + once);
        Tool validate = Tool.run(List.of("wasm-validate", "--enable-exceptions", out.resolve(LinkJob.FUSED).toString()));
        if (validate.present()) {
            assertThat(validate.status()).as("wasm-validate: " + validate.output()).isZero();
        }
        Tool node = node(plan(ManifestReader.load(manifest), linked.layout(), out, Set.of(), true));
        assumeTrue(node.present(), "node is not installed");
        assertThat(node.status()).as("node: " + node.output()).isZero();
        assertThat(node.stdout()).isEqualTo(once + once);
    }

    @Test
    void withImportMemoryTheFusedModuleImportsTheManifestsMemory() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(SamplesEndToEndTest.root().resolve("footprint/wasm-layout.yaml"),
                out, false, Set.of(), true, true));
        byte[] fused = Files.readAllBytes(out.resolve(LinkJob.FUSED));
        var s = dev.wasmlayout.wasm.ParsedModule.parse(fused).sections;
        assertThat(s.memories).isEmpty();
        var memory = s.imports.stream().filter(i -> i.kind() == dev.wasmlayout.wasm.sections.ExternalKind.MEMORY).toList();
        assertThat(memory).singleElement().satisfies(i -> {
            assertThat(i.fullName()).isEqualTo("env.memory");
            assertThat(i.memory().min()).isEqualTo(linked.layout().initialPages());
            assertThat(i.memory().max()).isEqualTo(linked.layout().maxPages());
        });
        assertThat(s.exports).anyMatch(e -> e.name().equals("memory") && e.kind() == dev.wasmlayout.wasm.sections.ExternalKind.MEMORY);
        StandaloneResult r = Standalone.run(RunModule.of("fused", fused), Engine.INTERPRETER, 20_000);
        assertThat(r.stdout().text()).isEqualTo(Files.readString(SamplesEndToEndTest.root().resolve("footprint/expected-output.txt")));
    }

    @Test
    void debugInfoIsDroppedWithAWarning() throws Exception {
        Path wasm = SamplesEndToEndTest.root().getParent().resolve("wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug/globals.wasm");
        Files.writeString(tmp.resolve("wasm-layout.yaml"), "memory: { max: 1MiB }\nmodules:\n  - { name: globals, wasm: " + wasm + " }\n");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(tmp.resolve("wasm-layout.yaml"), tmp.resolve("out"), false, Set.of(),
                true, false));
        assertThat(linked.fused().warnings()).containsExactly("module 'globals': dropped custom sections .debug_abbrev, .debug_info,"
                + " .debug_line, .debug_loc, .debug_ranges, .debug_str (debug info and such describe the module alone, not the fused one)");
        var wm = dev.wasmlayout.wasm.WasmModule.read(Files.readAllBytes(tmp.resolve("out").resolve(LinkJob.FUSED)));
        assertThat(wm.sections()).filteredOn(dev.wasmlayout.wasm.Section::isCustom).extracting(dev.wasmlayout.wasm.Section::customName)
                .containsExactly("name", "wasm-layout.fused");
    }

    @Test
    void aModulesStdinFileIsLeftToTheHost() throws Exception {
        Path manifest = Path.of(getClass().getResource("/wasi/wasm-layout.yaml").toURI());
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, tmp.resolve("out"), false, Set.of(), true, false));
        assertThat(linked.fused().leftToHost()).containsExactly("stdin of module 'echo' (" + manifest.resolveSibling("input.txt")
                + "): the fused module reads the host's one stdin");
    }

    @Test
    void aModuleThatClosesStdoutDoesNotTakeItFromTheNext() throws Exception {
        Path manifest = Path.of(getClass().getResource("/fuse-close/wasm-layout.yaml").toURI());
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of(), true, false));
        String want = "closer: bye\nargv[0] = echo\nGREETING = (unset)\n";
        StandaloneResult r = Standalone.run(RunModule.of("fused", Files.readAllBytes(out.resolve(LinkJob.FUSED))),
                Engine.INTERPRETER, 20_000);
        assertThat(r.failure()).isNull();
        assertThat(r.stdout().text()).isEqualTo(want);
        Tool node = node(plan(ManifestReader.load(manifest), linked.layout(), out, Set.of(), true));
        assumeTrue(node.present(), "node is not installed");
        assertThat(node.stdout()).isEqualTo(want);
    }

    @Test
    void anOrdinaryLinkRemovesAnEarlierFusedModule() {
        Path manifest = SamplesEndToEndTest.root().resolve("pipeline/wasm-layout.yaml");
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of(), true, false));
        assertThat(out.resolve(LinkJob.FUSED)).exists();
        LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of()));
        assertThat(out.resolve(LinkJob.FUSED)).doesNotExist();
    }

    /** The plan harness/output.mjs runs (see there): fused, or the linked set in one memory. */
    private Path plan(Manifest m, Layout layout, Path out, Set<String> without, boolean fused) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = json.createObjectNode();
        plan.put("fused", fused ? out.resolve(LinkJob.FUSED).toString() : null);
        plan.putObject("memory").put("initial", layout.initialPages()).put("maximum", layout.maxPages());
        ArrayNode modules = plan.putArray("modules");
        for (ModuleSpec s : m.modules()) {
            if (without.contains(s.name())) {
                continue;
            }
            ObjectNode mod = modules.addObject().put("name", s.name()).put("wasm", out.resolve(s.name() + ".wasm").toString());
            ObjectNode imports = mod.putObject("imports");
            s.imports().forEach(imports::put);
            ArrayNode argv = mod.putArray("argv");
            s.wasi().argv().forEach(argv::add);
            ObjectNode env = mod.putObject("env");
            s.wasi().env().forEach(env::put);
        }
        boolean hostSteps = m.run().stream().anyMatch(s -> s.write().isPresent() || s.load().isPresent());
        if (m.run().isEmpty() || fused && !hostSteps) {
            plan.putNull("steps"); // fused: _start makes the calls; linked without run steps: every entry point
        } else {
            ArrayNode steps = plan.putArray("steps");
            for (RunStep s : m.run()) {
                if (s.call().isPresent() && without.contains(s.callModule().get())) {
                    continue;
                }
                ObjectNode step = steps.addObject();
                s.write().ifPresent(w -> step.put("write", layout.region(w.region()).orElseThrow().start()).put("text", w.text()));
                if (s.call().isPresent()) {
                    step.put("call", s.call().get());
                    ArrayNode args = step.putArray("args");
                    for (String a : s.args()) {
                        args.add(RunStep.number(a).orElseGet(() -> layout.region(a).map(Region::start).orElseThrow()));
                    }
                }
            }
        }
        Path file = out.resolve("node-plan.json");
        json.writeValue(file.toFile(), plan);
        return file;
    }

    private static Tool node(Path plan) {
        Path script = SamplesEndToEndTest.root().resolve("harness/output.mjs");
        return Tool.run(List.of("node", "--no-warnings", script.toString(), plan.toString()));
    }

    /** A tool's run: absent when it is not installed. */
    record Tool(boolean present, int status, String stdout, String output) {
        static Tool run(List<String> command) {
            try {
                Path err = Files.createTempFile("tool", ".err");
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not finish in 60 s");
                }
                String stderr = Files.readString(err);
                Files.delete(err);
                return new Tool(true, p.exitValue(), stdout, stdout + stderr);
            } catch (IOException e) {
                return new Tool(false, -1, "", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
