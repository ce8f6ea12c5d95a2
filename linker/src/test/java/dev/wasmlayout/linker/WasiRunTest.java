package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.validator.Engine;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's argv, env and stdin reach the module's WASI, linked and alone (differential). */
class WasiRunTest {
    @TempDir
    Path tmp;

    @Test
    void argvEnvAndStdinFromTheManifest() throws Exception {
        Path manifest = Paths.get(getClass().getResource("/wasi/wasm-layout.yaml").toURI());
        LinkJob.link(new LinkJob.Request(manifest, tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(Engine.INTERPRETER, false, 20_000, true));
        assertThat(o.report().console().text()).isEqualTo("argv[0] = echo\nargv[1] = one\nargv[2] = two words\n"
                + "GREETING = hello\nstdin 1: FIRST LINE\nstdin 2: SECOND LINE\n");
        assertThat(o.report().steps()).singleElement().satisfies(s -> {
            assertThat(s.exitCode()).isEqualTo(2);
            assertThat(s.ok()).isTrue(); // expect-exit: 2 holds
        });
        assertThat(o.differences()).isEmpty();
        assertThat(o.exitStatus()).isZero();
    }
}
