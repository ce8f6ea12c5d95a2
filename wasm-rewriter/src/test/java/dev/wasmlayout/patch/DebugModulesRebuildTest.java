package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed debug-info test modules are what build.sh makes from the committed C sources (needs clang-19). */
class DebugModulesRebuildTest {
    @Test
    void committedModulesMatchTheirSources(@TempDir Path out) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang-19")) && Files.isExecutable(Path.of("/usr/bin/wasm-ld-19"))
                && Files.isDirectory(Path.of("/usr/lib/wasm32-wasi")), "clang-19, wasm-ld-19 and wasi-libc are not installed");
        Path sources = DebugModules.dir();
        Process p = new ProcessBuilder("bash", sources.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        for (String m : new String[] {"globals.wasm", "globals.placed.wasm", "grow.wasm", "grow.dwarf5.wasm", "grow.pic.wasm",
                "grow.placed.wasm", "grow.placed.relocs.wasm"}) {
            assertThat(Files.readAllBytes(out.resolve(m))).as(m + " (rebuild with build.sh and commit)")
                    .isEqualTo(Files.readAllBytes(sources.resolve(m)));
        }
    }
}
