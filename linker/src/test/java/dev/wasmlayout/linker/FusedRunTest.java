package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.fuse.PerModuleMemories;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Violation;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run DIR} with DIR/fused.wasm: the fused module runs as one instance with the manifest's
 * steps, every write is checked against the regions of the module whose function made it, and
 * {@code --differential} compares the fused run with the linked set's run and with the originals.
 */
class FusedRunTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FusedRunTest.class.getResource("/" + name).toURI());
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("dev.wasmlayout.linker.SamplesEndToEndTest#cases")
    void everyFusedSampleRunsCleanWithItsExpectedOutput(String manifest, Set<String> without, String expected) throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(SamplesEndToEndTest.root().resolve(manifest), out, false, without, true, false));
        String want = Files.readString(SamplesEndToEndTest.root().resolve(expected));
        for (Engine engine : Engine.values()) {
            RunJob.Outcome o = RunJob.run(out, new RunJob.Options(engine, true, 20_000, false));
            assertThat(o.report().notes()).as(engine + " notes").anyMatch(n -> n.startsWith("ran fused.wasm as one instance"));
            assertThat(o.report().violations()).as(engine + " violations").isEmpty();
            assertThat(o.report().steps()).as(engine + " steps").allMatch(StepResult::ok);
            assertThat(o.report().console().text()).as(engine.name()).isEqualTo(want);
            assertThat(o.exitStatus()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWriteIntoAnotherModulesRegionsIsBlamedOnTheModuleWhoseFunctionMadeIt(Engine engine) throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(resource("fuse-stray/wasm-layout.yaml"), out, false, Set.of(),
                true, false));
        long heap = start(linked, "victim.heap");
        long data = start(linked, "victim.data");
        long stack = start(linked, "victim.stack");
        RunJob.Outcome fused = RunJob.runFused(out, new RunJob.Options(engine, true, 20_000, false));
        // both modules run the same code: only the function's index range tells writer from victim
        assertThat(fused.report().violations()).containsExactly(
                new Violation("writer", "poke", heap, 4, "victim.heap", "victim", Violation.OUTSIDE, null),
                new Violation("writer", "fill", data, 16, "victim.data", "victim", Violation.OUTSIDE, null),
                new Violation("writer", "__wasi_fd_read", stack, 5, "victim.stack", "victim", Violation.OUTSIDE, "fd_read"));
        assertThat(fused.report().steps()).extracting(StepResult::module, StepResult::export).containsExactly(
                org.assertj.core.groups.Tuple.tuple("victim", "poke"), org.assertj.core.groups.Tuple.tuple("writer", "poke"),
                org.assertj.core.groups.Tuple.tuple("writer", "fill"), org.assertj.core.groups.Tuple.tuple("writer", "read_into"),
                org.assertj.core.groups.Tuple.tuple("victim", "hello"));
        assertThat(fused.exitStatus()).isEqualTo(1);
        // the linked set, one instance per module, finds exactly the same writes
        RunJob.Outcome shared = RunJob.runShared(out, new RunJob.Options(engine, true, 20_000, false));
        assertThat(shared.report().violations()).isEqualTo(fused.report().violations());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStackCheckTrapInTheFusedModuleIsReportedAsInTheLinkedSet(Engine engine) throws Exception {
        // resources/overflow: a recursion 30 KiB deep on an 8 KiB stack; the check glue is among deep's functions
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(resource("overflow/wasm-layout.yaml"), out, false, Set.of(), true, false));
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(engine, true, 30_000, false));
        assertThat(o.report().notes()).anyMatch(n -> n.startsWith("ran fused.wasm"));
        assertThat(o.report().steps().get(0).failure()).isEqualTo("stack overflow: deep in sum: stack pointer 0xffd0 below"
                + " deep.stack (starts 0x10000)");
        assertThat(o.report().console().text()).doesNotContain("heap corrupted");
        assertThat(o.exitStatus()).isEqualTo(1);
    }

    @Test
    void theRunsVariantGivesEachModuleItsOwnMemoryAndTheFileStaysAsLinked() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(resource("fuse-stray/wasm-layout.yaml"), out, false, Set.of(), true, false));
        byte[] fused = Files.readAllBytes(out.resolve(LinkJob.FUSED));
        List<Integer> dataCounts = new java.util.ArrayList<>();
        for (String m : List.of("writer", "victim")) {
            dataCounts.add(ModuleSections.decode(WasmModule.read(Files.readAllBytes(out.resolve(m + ".wasm")))).data.size());
        }
        PerModuleMemories.Variant v = PerModuleMemories.of(fused, dataCounts);
        ModuleSections f = ModuleSections.decode(WasmModule.read(fused));
        ModuleSections s = ModuleSections.decode(WasmModule.read(v.bytes()));

        assertThat(s.memories).isEmpty();
        assertThat(s.imports).filteredOn(i -> i.kind() == ExternalKind.MEMORY).extracting(Import::fullName)
                .containsExactly("wasm-layout.memory0", "wasm-layout.memory1", "wasm-layout.memory2");
        assertThat(s.imports).filteredOn(i -> i.kind() == ExternalKind.MEMORY).allSatisfy(i -> {
            assertThat(i.memory().min()).isEqualTo(f.memories.get(0).min());
            assertThat(i.memory().max()).isEqualTo(f.memories.get(0).max());
        });
        // nothing else moves: functions, exports and the contract section are the fused module's
        assertThat(s.functionCount()).isEqualTo(f.functionCount());
        assertThat(s.exports).isEqualTo(f.exports);
        java.util.Set<Long> used = new java.util.TreeSet<>();
        for (FunctionBody b : s.bodies) {
            int owner = v.ownerOf(b.index());
            for (Instruction i : InstructionReader.forFunctionBody(new ByteReader(v.bytes(), b.codeStart(), b.end(), "code")).readAll()) {
                for (long m : memories(i)) {
                    assertThat(m).as("function " + b.index() + " of module " + owner).isEqualTo(owner + 1L);
                    used.add(m);
                }
            }
        }
        assertThat(used).containsExactly(1L, 2L);
        for (DataSegment d : s.data) {
            if (d.active()) {
                assertThat(d.memoryIndex()).as("data segment " + d.index()).isEqualTo(d.index() < dataCounts.get(0) ? 1 : 2);
            }
        }
        FusedSamplesTest.Tool validate = FusedSamplesTest.Tool.run(List.of("wasm-validate", "--enable-multi-memory", "--enable-exceptions", write(v.bytes())));
        if (validate.present()) {
            assertThat(validate.status()).as("wasm-validate: " + validate.output()).isZero();
        }

        RunJob.run(out, new RunJob.Options(Engine.COMPILER, true, 20_000, false));
        assertThat(Files.readAllBytes(out.resolve(LinkJob.FUSED))).as("the file on disk").isEqualTo(fused);
    }

    private String write(byte[] bytes) throws java.io.IOException {
        Path f = tmp.resolve("variant.wasm");
        Files.write(f, bytes);
        return f.toString();
    }

    /** The memory indices an instruction names. */
    private static List<Long> memories(Instruction i) {
        switch (i.opcode().immediate()) {
            case MEMARG:
            case MEMARG_LANE: return List.of(i.imm(2));
            case MEMORY: return List.of(i.imm(0));
            case DATA_AND_MEMORY: return List.of(i.imm(1));
            case MEMORY_PAIR: return List.of(i.imm(0), i.imm(1));
            default: return List.of();
        }
    }

    @Test
    void stopsAtTheFirstStrayWriteAndSaysWhoAndWhere() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(resource("fuse-stray/wasm-layout.yaml"), out, false, Set.of(),
                true, false));
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.COMPILER, false, 20_000, false));
        List<StepResult> steps = o.report().steps();
        assertThat(steps.get(0).ok()).as("victim writes its own heap").isTrue();
        assertThat(steps.get(1).failure()).isEqualTo(String.format("stopped at the first violation: writer (poke): write outside"
                + " its regions: 4 byte(s) at 0x%x in victim.heap (owner victim)", start(linked, "victim.heap")));
        assertThat(steps.get(2).failure()).isEqualTo(String.format("stopped at the first violation: writer (fill): write outside"
                + " its regions: 16 byte(s) at 0x%x in victim.data (owner victim)", start(linked, "victim.data")));
        assertThat(steps.get(3).failure()).isEqualTo(String.format("stopped at the first violation: writer (__wasi_fd_read via"
                + " WASI fd_read): write outside its regions: 5 byte(s) at 0x%x in victim.stack (owner victim)",
                start(linked, "victim.stack")));
        // nothing landed, so victim's text is intact
        assertThat(steps.get(4).stdout().text()).isEqualTo("stray: hello\n");
    }

    @Test
    void differentialFusedAgainstSharedAndOriginalsOnTheApps() throws Exception {
        Path out = tmp.resolve("apps");
        LinkJob.link(new LinkJob.Request(SamplesEndToEndTest.root().resolve("apps/wasm-layout.yaml"), out, false, Set.of(),
                true, false));
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.COMPILER, false, 30_000, true));
        assertThat(o.report().notes()).anyMatch(n -> n.startsWith("ran fused.wasm"));
        assertThat(o.report().steps()).hasSize(3).allMatch(StepResult::ok);
        assertThat(o.differences()).isEmpty();
        assertThat(o.exitStatus()).isZero();
    }

    @Test
    void differentialNamesWhereTheFusedRunDiffersFromTheSharedOneAndTheOriginal() throws Exception {
        // a fused.wasm whose second module was linked with another argv: same modules, other output
        Path echo = resource("wasi/echo.wasm");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        String set = "memory: { max: 512KiB }\nmodules:\n  - { name: first, wasm: %s, stack: 8KiB, heap: 64KiB, argv: [one] }\n"
                + "  - { name: second, wasm: %s, stack: 8KiB, heap: 64KiB, argv: [%s] }\n";
        Files.writeString(a.resolve("wasm-layout.yaml"), String.format(set, echo, echo, "abc"));
        Files.writeString(b.resolve("wasm-layout.yaml"), String.format(set, echo, echo, "abd"));
        LinkJob.link(new LinkJob.Request(a.resolve("wasm-layout.yaml"), a.resolve("out"), false, Set.of(), true, false));
        LinkJob.link(new LinkJob.Request(b.resolve("wasm-layout.yaml"), b.resolve("out"), false, Set.of(), true, false));
        Files.copy(b.resolve("out/fused.wasm"), a.resolve("out/fused.wasm"), StandardCopyOption.REPLACE_EXISTING);

        RunJob.Outcome o = RunJob.run(a.resolve("out"), new RunJob.Options(Engine.INTERPRETER, false, 20_000, true));
        assertThat(o.differences()).extracting(RunJob.Difference::describe).containsExactly(
                // "argv[0] = second\nargv[1] = ab" is 29 bytes: the first difference is "d" against "c"
                "second: stdout differs at byte 29 (fused 50 bytes, shared 50 bytes): fused ... 5b 31 5d 20 3d 20 61 62 [64] 0a 47 52"
                        + " 45 45 54 49 ..., shared ... 5b 31 5d 20 3d 20 61 62 [63] 0a 47 52 45 45 54 49 ...",
                "second: stdout differs at byte 29 (fused 50 bytes, alone 50 bytes): fused ... 5b 31 5d 20 3d 20 61 62 [64] 0a 47 52"
                        + " 45 45 54 49 ..., alone ... 5b 31 5d 20 3d 20 61 62 [63] 0a 47 52 45 45 54 49 ...");
        assertThat(o.differences()).extracting(RunJob.Difference::run, RunJob.Difference::against).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fused", "shared"), org.assertj.core.groups.Tuple.tuple("fused", "alone"));
        assertThat(o.exitStatus()).isEqualTo(1);
    }

    @Test
    void committedStrayModuleIsWhatItsSourceBuilds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang-19"))
                && Files.isExecutable(Path.of("/usr/bin/wasm-ld-19")) && Files.isDirectory(Path.of("/usr/lib/wasm32-wasi")),
                "clang-19, wasm-ld-19 and wasi-libc are not installed");
        Path dir = SamplesEndToEndTest.root().getParent().resolve("linker/src/test/resources/fuse-stray");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("build.sh")), "sources not found under " + dir);
        Process p = new ProcessBuilder("bash", dir.resolve("build.sh").toString(), tmp.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("stray.wasm"))).as("stray.wasm (rebuild with build.sh and commit)")
                .isEqualTo(Files.readAllBytes(dir.resolve("stray.wasm")));
    }

    private static long start(LinkJob.Linked linked, String region) {
        return linked.layout().region(region).map(Region::start).orElseThrow();
    }
}
