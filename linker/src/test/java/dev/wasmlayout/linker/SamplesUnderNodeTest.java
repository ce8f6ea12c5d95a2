package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every sample's expected output is what the programs print without wasm-layout: alone, each in
 * its own memory under Node's WASI, and together in one hand-laid-out memory (samples/harness,
 * the placed builds need clang-19 and wasi-libc). SamplesEndToEndTest then holds wasm-layout's
 * linked run to the same file, so both sides meet in expected-output.txt.
 */
class SamplesUnderNodeTest {
    @Test
    void harnessChecksAgreeWithEveryExpectedOutput() throws Exception {
        for (String tool : List.of("/usr/bin/node", "/usr/bin/clang-19", "/usr/bin/wasm-ld-19")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed (node 20, Debian clang-19 lld-19)");
        }
        assumeTrue(Files.exists(Path.of("/usr/lib/wasm32-wasi/libc.a")), "Debian wasi-libc is not installed");
        Path samples = SamplesEndToEndTest.root();
        Process p = new ProcessBuilder("/usr/bin/node", "--no-warnings", samples.resolve("harness/check.mjs").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("FAIL").contains("ok   apps --standalone = expected-output.txt");
    }
}
