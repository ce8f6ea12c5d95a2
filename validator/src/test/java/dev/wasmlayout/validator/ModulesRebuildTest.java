package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed test modules are what build.sh makes from the committed C sources (needs clang-19). */
class ModulesRebuildTest {
    private static final Path SOURCES = Path.of(System.getProperty("wasmlayout.root", "."))
            .resolve("validator/src/test/resources/modules");

    @Test
    void committedModulesMatchTheirSources(@TempDir Path out) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang-19")) && Files.isExecutable(Path.of("/usr/bin/wasm-ld-19"))
                && Files.isDirectory(Path.of("/usr/lib/wasm32-wasi")), "clang-19, wasm-ld-19 and wasi-libc are not installed");
        assumeTrue(Files.isRegularFile(SOURCES.resolve("build.sh")), "sources not found under " + SOURCES);
        Process p = new ProcessBuilder("bash", SOURCES.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        for (String m : new String[] {"alpha.wasm", "beta.wasm", "mathlib.wasm", "faulty.wasm"}) {
            assertThat(Files.readAllBytes(out.resolve(m))).as(m + " (rebuild with build.sh and commit)")
                    .isEqualTo(Files.readAllBytes(SOURCES.resolve(m)));
        }
    }

    @Test
    void committedProbeMatchesItsSource(@TempDir Path out) throws Exception {
        Path wasi = SOURCES.resolveSibling("wasi");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang-19")) && Files.isExecutable(Path.of("/usr/bin/wasm-ld-19"))
                && Files.isDirectory(Path.of("/usr/lib/wasm32-wasi")), "clang-19, wasm-ld-19 and wasi-libc are not installed");
        assumeTrue(Files.isRegularFile(wasi.resolve("build.sh")), "sources not found under " + wasi);
        Process p = new ProcessBuilder("bash", wasi.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(Files.readAllBytes(out.resolve("probe.wasm"))).as("probe.wasm (rebuild with build.sh and commit)")
                .isEqualTo(Files.readAllBytes(wasi.resolve("probe.wasm")));
    }
}
