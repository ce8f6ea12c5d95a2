package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module's WASI arguments, environment and stdin file in the manifest. */
class WasiSpecTest {
    @TempDir
    Path dir;

    @Test
    void readsArgvEnvAndStdin() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "x");
        Path file = ManifestFixture.write(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: app, wasm: app.wasm, argv: [a, 2, "b c"], env: { K: v, N: 1 }, stdin: in.txt }
                  - { name: lib, wasm: lib.wasm }
                """, "app.wasm", "lib.wasm");
        Manifest m = ManifestReader.load(file);
        WasiSpec w = m.module("app").orElseThrow().wasi();
        assertThat(w.argv()).containsExactly("a", "2", "b c");
        assertThat(w.env()).isEqualTo(Map.of("K", "v", "N", "1"));
        assertThat(w.stdin()).isEqualTo(dir.resolve("in.txt"));
        assertThat(m.module("lib").orElseThrow().wasi()).isEqualTo(new WasiSpec(List.of(), Map.of(), null));
    }

    @Test
    void missingStdinFileIsReportedWhereItIsWritten() {
        Path file = ManifestFixture.write(dir, """
                memory: { max: 1MiB }
                modules:
                  - { name: app, wasm: app.wasm, stdin: nope.txt }
                """, "app.wasm");
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> ManifestReader.load(file));
        assertThat(e.getMessage()).isEqualTo(file + ":3:41: stdin in module 'app': file 'nope.txt' does not exist"
                + " (relative to the manifest's folder)");
    }
}
