package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.validator.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample links and runs in one memory in the bundled interpreter and prints exactly its
 * expected output, with no write outside a module's regions.
 */
class SamplesEndToEndTest {
    @TempDir
    Path tmp;

    static Path root() {
        String p = System.getProperty("wasmlayout.root");
        Path r = p != null ? Paths.get(p) : Paths.get("").toAbsolutePath().getParent();
        return r.resolve("samples");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("footprint/wasm-layout.yaml", Set.of(), "footprint/expected-output.txt"),
                Arguments.of("pipeline/wasm-layout.yaml", Set.of(), "pipeline/expected-output.txt"),
                Arguments.of("host-exchange/wasm-layout.yaml", Set.of(), "host-exchange/expected-output.txt"),
                Arguments.of("host-exchange/wasm-layout.pic.yaml", Set.of(), "host-exchange/expected-output.txt"),
                Arguments.of("shared-lib/wasm-layout.yaml", Set.of(), "shared-lib/expected-output.txt"),
                Arguments.of("shared-lib/wasm-layout.pic.yaml", Set.of(), "shared-lib/expected-output.txt"),
                Arguments.of("shared-lib/wasm-layout.yaml", Set.of("trace"), "shared-lib/expected-output.no-trace.txt"),
                Arguments.of("pic/wasm-layout.yaml", Set.of(), "pic/expected-output.txt"),
                Arguments.of("pic/wasm-layout.relocate.yaml", Set.of(), "pic/expected-output.txt"),
                Arguments.of("setjmp/wasm-layout.yaml", Set.of(), "setjmp/expected-output.txt"),
                Arguments.of("apps/wasm-layout.yaml", Set.of(), "apps/expected-output.txt"));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("cases")
    void linksAndRunsWithItsExpectedOutput(String manifest, Set<String> without, String expected) throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(root().resolve(manifest), out, false, without));
        if (Files.isExecutable(Path.of("/usr/bin/wasm-validate"))) {
            for (LinkJob.LinkedModule m : linked.modules()) {
                Process p = new ProcessBuilder("/usr/bin/wasm-validate", "--enable-exceptions", out.resolve(m.name() + ".wasm").toString())
                        .redirectErrorStream(true).start();
                String msg = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor() == 0).as(m.name() + " passes wasm-validate: " + msg).isTrue();
            }
        }
        for (Engine engine : Engine.values()) {
            RunJob.Outcome o = RunJob.run(out, new RunJob.Options(engine, true, 20_000, false));
            assertThat(o.report().violations()).as(engine + " violations").isEmpty();
            assertThat(o.report().steps()).as(engine + " steps").allMatch(s -> s.ok());
            assertThat(o.report().console().text()).as(engine.name()).isEqualTo(Files.readString(root().resolve(expected)));
            assertThat(o.exitStatus()).isZero();
        }
    }

    @Test
    void differentialRunMatchesTheOriginals() {
        Path out = tmp.resolve("fp");
        LinkJob.link(new LinkJob.Request(root().resolve("footprint/wasm-layout.yaml"), out, false, Set.of()));
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.COMPILER, false, 20_000, true));
        assertThat(o.differences()).isEmpty();
        assertThat(o.exitStatus()).isZero();
    }
}
