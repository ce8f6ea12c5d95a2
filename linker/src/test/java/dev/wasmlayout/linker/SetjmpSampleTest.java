package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.validator.Engine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/setjmp: a C program whose setjmp/longjmp became exception handling (a tag, the legacy
 * try/catch/delegate of clang 19) links with relocate next to a plain module; the linked set prints
 * under V8 (node) exactly what the originals print alone, and so it does in the validator, whose
 * Chicory runs it translated to the final proposal (try_table).
 */
class SetjmpSampleTest {
    @TempDir
    Path tmp;

    private static Path sample() {
        return SamplesEndToEndTest.root().resolve("setjmp");
    }

    private Path link() {
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(sample().resolve("wasm-layout.yaml"), out, false, Set.of()));
        assertThat(linked.modules()).extracting(LinkJob.LinkedModule::name).containsExactly("calc", "table");
        return out;
    }

    @Test
    void linkedCalcKeepsItsTagAndTryBlocksAtTheirNewPlace() throws Exception {
        Path out = link();
        ModuleFacts before = Inspector.inspect("calc.wasm", Files.readAllBytes(sample().resolve("build/calc.wasm")));
        byte[] linkedBytes = Files.readAllBytes(out.resolve("calc.wasm"));
        ModuleFacts after = Inspector.inspect("calc.wasm", linkedBytes);
        assertThat(before.exceptions().tags()).containsExactly("tag 0 __c_longjmp (i32)");
        assertThat(before.exceptions().instructions()).containsExactly(java.util.Map.entry("try", 4),
                java.util.Map.entry("catch", 2), java.util.Map.entry("throw", 1), java.util.Map.entry("delegate", 2));
        assertThat(before.exceptions().firstLegacy()).isEqualTo("try");
        assertThat(before.exceptions().firstLegacyFunction()).isEqualTo("__original_main");
        assertThat(before.exceptions().firstLegacyOffset()).isEqualTo(0x229);
        // same instructions after the link; the code moved by what the memory import added before it
        assertThat(after.exceptions().instructions()).isEqualTo(before.exceptions().instructions());
        // the name came from the linking section, which relocation consumes (wasm-ld writes no tag names)
        assertThat(after.exceptions().tags()).containsExactly("tag 0 (i32)");
        assertThat(after.exceptions().firstLegacyOffset()).isEqualTo(0x235); // + the stack check's type and function entries
        assertThat(linkedBytes[0x235]).isEqualTo((byte) 0x06); // try
        assertThat(after.memory().imported()).isTrue();
        if (Files.isExecutable(Path.of("/usr/bin/wasm-validate"))) {
            for (String m : List.of("calc", "table")) {
                Process p = new ProcessBuilder("/usr/bin/wasm-validate", "--enable-exceptions", out.resolve(m + ".wasm").toString())
                        .redirectErrorStream(true).start();
                String msg = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor()).as(m + " passes wasm-validate: " + msg).isZero();
            }
        }
    }

    @Test
    void validatorRunsItTranslatedWithTheExpectedOutputAndNoDifferenceFromTheOriginals() throws IOException {
        Path out = link();
        String expected = Files.readString(sample().resolve("expected-output.txt"));
        for (Engine engine : Engine.values()) {
            RunJob.Outcome o = RunJob.run(out, new RunJob.Options(engine, true, 20_000, true));
            assertThat(o.report().console().bytes()).as(engine.name()).isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(o.report().violations()).as(engine + " violations").isEmpty();
            assertThat(o.differences()).as(engine + " differences").isEmpty();
            assertThat(o.exitStatus()).isZero();
        }
    }

    @Test
    void linkedSetPrintsUnderNodeWhatTheOriginalsPrint() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        Path out = link();
        Path harness = SamplesEndToEndTest.root().resolve("harness");
        byte[] expected = Files.readAllBytes(sample().resolve("expected-output.txt"));
        byte[] originals = node(harness.resolve("run.mjs").toString(), sample().toString(), "--standalone");
        byte[] linked = node(harness.resolve("linked.mjs").toString(), out.toString());
        assertThat(new String(originals)).isEqualTo(new String(expected));
        assertThat(linked).isEqualTo(originals);
        assertThat(new String(linked)).contains("try(try(5 / 0, 6 % 0), 42) * 2           = 84",
                "11 expressions, 5 errors recovered with longjmp");
    }

    private byte[] node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "--no-warnings"));
        command.addAll(List.of(args));
        Path stderr = tmp.resolve("node.err");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        return stdout;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
