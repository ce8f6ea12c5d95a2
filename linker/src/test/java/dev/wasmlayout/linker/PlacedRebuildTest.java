package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.validator.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild flow: a module compiled with the flags {@code wasm-layout flags} prints is linked with
 * the placed strategy and runs in its planned regions with the same output as the relocated set.
 */
class PlacedRebuildTest {
    @TempDir
    Path tmp;

    @Test
    void checksumRebuiltWithTheFlagsRunsInPlace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang-19")) && Files.isExecutable(Path.of("/usr/bin/wasm-ld-19")),
                "clang-19 and lld-19 (Debian) are not installed");
        Path samples = SamplesEndToEndTest.root();
        Path dir = tmp.resolve("footprint");
        Files.createDirectories(dir.resolve("build"));
        for (String m : List.of("tokenizer", "sieve", "encoder")) {
            Files.copy(samples.resolve("footprint/build/" + m + ".wasm"), dir.resolve("build/" + m + ".wasm"));
        }
        Files.copy(samples.resolve("footprint/build/checksum.wasm"), dir.resolve("build/checksum.wasm"));
        String manifest = Files.readString(samples.resolve("footprint/wasm-layout.yaml"))
                .replace("wasm: build/checksum.wasm,", "wasm: build/checksum.wasm, strategy: placed,");
        Files.writeString(dir.resolve("wasm-layout.yaml"), manifest);

        // flags from the plan of the relocatable module; the rebuilt one has the same data, so the same plan
        FlagsJob.ModuleFlags flags = FlagsJob.flags(PlanJob.plan(samples.resolve("footprint/wasm-layout.yaml"), null, false))
                .stream().filter(f -> f.module().equals("checksum")).findFirst().orElseThrow();
        assertThat(flags.impossible()).isNull();
        Path ld = tmp.resolve("ld");
        Files.createDirectories(ld);
        Files.createSymbolicLink(ld.resolve("wasm-ld"), Path.of("/usr/bin/wasm-ld-19"));
        Files.createSymbolicLink(ld.resolve("wasm-ld-19"), Path.of("/usr/bin/wasm-ld-19"));
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/clang-19", "--target=wasm32-wasi", "-O2",
                samples.resolve("footprint/checksum.c").toString(), "-o", dir.resolve("build/checksum.wasm").toString()));
        cmd.addAll(flags.clangArgs());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", ld.toString()); // no wasm-opt after the link
        Files.delete(dir.resolve("build/checksum.wasm"));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();

        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(dir.resolve("wasm-layout.yaml"), out, false, Set.of()));
        assertThat(linked.modules()).filteredOn(m -> m.name().equals("checksum")).extracting(LinkJob.LinkedModule::strategy)
                .containsExactly(Strategy.PLACED);
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.COMPILER, true, 20_000, false));
        assertThat(o.report().violations()).isEmpty();
        assertThat(o.report().console().text()).isEqualTo(Files.readString(samples.resolve("footprint/expected-output.txt")));

        // fused, checksum's table window starts at 1, where wasm-ld put its entries: it stays
        Path fused = tmp.resolve("fused");
        LinkJob.link(new LinkJob.Request(dir.resolve("wasm-layout.yaml"), fused, false, Set.of(), true, false));
        dev.wasmlayout.validator.StandaloneResult r = dev.wasmlayout.validator.Standalone.run(
                dev.wasmlayout.validator.RunModule.of("fused", Files.readAllBytes(fused.resolve(LinkJob.FUSED))), Engine.INTERPRETER,
                20_000);
        assertThat(r.stdout().text()).isEqualTo(Files.readString(samples.resolve("footprint/expected-output.txt")));

        // after tokenizer (5 entries from 1) its window would start at 6: refused, saying how to rebuild
        String tokenizerLine = "  - { name: tokenizer, wasm: build/tokenizer.wasm, stack: 8KiB, heap: 64KiB }\n";
        assertThat(manifest).contains(tokenizerLine);
        String tokenizerFirst = manifest.replace(tokenizerLine, "").replace("modules:\n", "modules:\n" + tokenizerLine);
        Files.writeString(dir.resolve("wasm-layout.yaml"), tokenizerFirst);
        Path refused = tmp.resolve("refused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(dir.resolve("wasm-layout.yaml"),
                        refused, false, Set.of(), true, false)))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("checksum.wasm: module 'checksum': ")
                .hasMessageContaining("its function table entries start at index 1 but the fused table puts them at 6")
                .hasMessageContaining("-Wl,--table-base=6");
        assertThat(refused).doesNotExist();
    }
}
