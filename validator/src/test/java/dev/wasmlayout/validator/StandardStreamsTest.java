package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The probe (src/test/resources/wasi/probe.c) prints what WASI says about fds 0-2 and how seeking, telling,
 * reading and writing them behaves. In the validator it must print what it prints under node:wasi with a
 * shell's redirections (stdin a file or /dev/null, stdout and stderr pipes): the committed .expected files
 * are that output, and with node installed the test runs node too and compares.
 */
class StandardStreamsTest {
    private static Path resource(String name) throws Exception {
        return Paths.get(StandardStreamsTest.class.getResource("/wasi/" + name).toURI());
    }

    private static StandaloneResult probe(Path stdin, Engine engine) throws Exception {
        RunModule m = new RunModule("probe.wasm", Files.readAllBytes(resource("probe.wasm")), Map.of(), stdin, List.of(), Map.of());
        return Standalone.run(m, engine, 20_000);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStdinFileIsARegularFileAndTheOutputsArePipes(Engine engine) throws Exception {
        StandaloneResult r = probe(resource("input.txt"), engine);
        assertThat(r.failure()).isNull();
        assertThat(r.stdout().text()).isEqualTo(Files.readString(resource("probe-file.expected")));
        assertThat(r.stderr().text()).isEqualTo("to stderr\n");
        // wasi-libc's isatty: a terminal is a character device that cannot seek; none of the three is one
        assertThat(r.stdout().text()).contains("fd 0 isatty 0\n", "fd 1 isatty 0\n", "fd 2 isatty 0\n",
                "fd 0 fdstat: filetype 4 ", "fd 1 fdstat: filetype 6 ", "fd 2 fdstat: filetype 6 ");
    }

    @Test
    void withoutAStdinFileStdinIsDevNull() throws Exception {
        StandaloneResult r = probe(null, Engine.INTERPRETER);
        assertThat(r.stdout().text()).isEqualTo(Files.readString(resource("probe-null.expected")));
    }

    @Test
    void nodeSeesTheSameWithTheSameRedirections() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        Path in = resource("input.txt");
        assertThat(flagsMasked(node(in.toFile()))).isEqualTo(flagsMasked(probe(in, Engine.INTERPRETER).stdout().text()));
        assertThat(flagsMasked(node(new File("/dev/null")))).isEqualTo(flagsMasked(probe(null, Engine.INTERPRETER).stdout().text()));
    }

    /**
     * node:wasi (uvwasi) reports the host's raw open flags as fdstat flags (O_WRONLY reads as WASI's
     * append, O_LARGEFILE as an unknown bit); the validator reports the WASI flags, 0 for these streams.
     */
    private static String flagsMasked(String probeOutput) {
        return probeOutput.replaceAll("flags 0x[0-9a-f]+", "flags *");
    }

    /** The probe under node:wasi: stdin redirected from {@code stdin}, stdout and stderr pipes to this process. */
    private static String node(File stdin) throws Exception {
        Process p = new ProcessBuilder("node", "--no-warnings", resource("run-node.mjs").toString(),
                resource("probe.wasm").toString()).redirectInput(stdin).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(err, StandardCharsets.UTF_8)).isEqualTo("to stderr\n");
        return new String(out, StandardCharsets.UTF_8);
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
