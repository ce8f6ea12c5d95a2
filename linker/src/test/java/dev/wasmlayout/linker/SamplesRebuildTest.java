package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample modules are what their build scripts make: a copy of samples/ rebuilt with
 * Debian's clang-19, lld-19, wasi-libc and binaryen gives byte-identical modules.
 */
class SamplesRebuildTest {
    @TempDir
    Path tmp;

    @Test
    void buildAllReproducesEveryCommittedModule() throws Exception {
        for (String tool : List.of("/usr/bin/clang-19", "/usr/bin/wasm-ld-19", "/usr/bin/wasm-opt", "/usr/bin/wasm-objdump")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed (Debian clang-19 lld-19 binaryen wabt)");
        }
        assumeTrue(Files.exists(Path.of("/usr/lib/wasm32-wasi/libc.a")), "Debian wasi-libc is not installed");
        Path samples = SamplesEndToEndTest.root();
        Path copy = tmp.resolve("samples");
        TestTrees.copy(samples, copy);
        TestTrees.copy(samples.resolveSibling("tools"), tmp.resolve("tools")); // common.sh sources tools/toolchain.sh
        Process p = new ProcessBuilder("bash", copy.resolve("build-all.sh").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        List<Path> modules = wasmFiles(samples);
        assertThat(modules).hasSizeGreaterThanOrEqualTo(18);
        for (Path m : modules) {
            Path rebuilt = copy.resolve(samples.relativize(m).toString());
            assertThat(Files.readAllBytes(rebuilt)).as(samples.relativize(m).toString()).isEqualTo(Files.readAllBytes(m));
        }
    }

    private static List<Path> wasmFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
        }
    }

}
