package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same inputs, same bytes, across processes: what this JVM writes is compared with what a second JVM
 * (another heap, other identity hash codes, another schedule of the parallel per-module work) writes
 * for the same manifest. Running twice in one JVM could not catch an order that depends on the process.
 */
class SecondJvmTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pipeline/wasm-layout.yaml", "shared-lib/wasm-layout.yaml", "shared-lib/wasm-layout.pic.yaml",
        "setjmp/wasm-layout.yaml"})
    void linkWritesTheSameFilesInAnotherJvm(String sample) throws Exception {
        Path manifest = CommandsTest.samples().resolve(sample);
        // same depth below tmp, so link.json's relative manifest path is the same too
        Path here = tmp.resolve("here/out");
        Path there = tmp.resolve("there/out");
        assertThat(CliRun.of("link", manifest.toString(), "-o", here.toString(), "--fuse").exit()).isZero();
        CliRun p = secondJvm("link", manifest.toString(), "-o", there.toString(), "--fuse");
        assertThat(p.exit()).as(p.err()).isZero();

        List<String> names = names(here);
        assertThat(names).contains("layout.json", "wasm-layout.lock", "link.json", "fused.wasm");
        assertThat(names(there)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(there.resolve(name))).as(name).isEqualTo(Files.readAllBytes(here.resolve(name)));
        }
    }

    @Test
    void planJsonIsTheSameInAnotherJvm() throws Exception {
        Path manifest = CommandsTest.samples().resolve("footprint/wasm-layout.yaml");
        CliRun here = CliRun.of("plan", "--json", manifest.toString());
        assertThat(here.exit()).isZero();
        CliRun there = secondJvm("plan", "--json", manifest.toString());
        assertThat(there.exit()).as(there.err()).isZero();
        assertThat(there.out()).isEqualTo(here.out()).contains("\"regions\"");
    }

    /** {@code Main} with the test's class path in a new JVM, once it has ended. */
    private CliRun secondJvm(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliRun(p.exitValue(), out, Files.readString(err));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
