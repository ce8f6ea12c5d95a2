package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage in gives one line on stderr, exit code 2 and no stack trace. */
class InspectBadInputTest {
    @TempDir
    Path dir;

    @Test
    void garbageFile() throws Exception {
        Path f = dir.resolve("garbage.wasm");
        Files.write(f, "hello, not wasm".getBytes());
        CliRun r = CliRun.of("inspect", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("wasm-layout: " + f + ": malformed module at byte 0 (0x0): bad magic number"
                + " (not a WebAssembly binary; expected \\0asm)" + System.lineSeparator());
    }

    @Test
    void truncatedModule() throws Exception {
        Path f = dir.resolve("cut.wasm");
        Files.write(f, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 9, 1});
        CliRun r = CliRun.of("inspect", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("at byte 9 (0x9) in type section: section size 9 is larger than the 1 bytes that follow");
    }

    @Test
    void missingFileAndDirectory() {
        CliRun r = CliRun.of("inspect", dir.resolve("nope.wasm").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("wasm-layout: " + dir.resolve("nope.wasm") + ": no such file" + System.lineSeparator());
        CliRun d = CliRun.of("inspect", dir.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("is a directory");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun r = CliRun.of("inspect", "--bogus", "x.wasm");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("wasm-layout inspect --help");
    }

    @Test
    void helpTeachesWithAnExample() {
        CliRun r = CliRun.of("inspect", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Example:").contains("wasm-layout inspect samples/").contains("Exit codes:");
    }
}
