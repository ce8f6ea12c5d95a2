package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.validator.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * where.wasm (src/test/resources/binary) writes bytes that depend on where its data is: the differential
 * compares stdout and stderr as bytes and names the stream, the offset and the bytes around it.
 */
class BinaryDifferentialTest {
    @TempDir
    Path tmp;

    @Test
    void binaryOutputIsComparedByteForByte() throws Exception {
        Path manifest = Paths.get(getClass().getResource("/binary/wasm-layout.yaml").toURI());
        LinkJob.link(new LinkJob.Request(manifest, tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(Engine.INTERPRETER, false, 20_000, true));

        byte[] linked = {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, (byte) 0xfe, 'b', 'i', 'n', (byte) 0x8a, 't', 'a', 'i', 'l', '\n'};
        assertThat(o.report().console().bytes()).isEqualTo(linked);
        assertThat(o.report().console().text()).isNull(); // not UTF-8
        assertThat(o.report().console().display()).isEqualTo("15 bytes, not text: \"\\x1f\\x8b\\x08\\x00\\xff\\xfebin\\x8atail\\n\"");

        assertThat(o.differences()).hasSize(2);
        RunJob.Difference out = o.differences().get(0);
        assertThat(out.what()).isEqualTo("stdout");
        assertThat(out.offset()).isEqualTo(9);
        assertThat(out.linked()).isEqualTo("... 8b 08 00 ff fe 62 69 6e [8a] 74 61 69 6c 0a");
        assertThat(out.alone()).isEqualTo("... 8b 08 00 ff fe 62 69 6e [83] 74 61 69 6c 0a");
        assertThat(out.aloneBytes().length()).isEqualTo(15);
        // decoded as UTF-8 (what the differential used to compare) the two outputs read the same
        assertThat(new String(out.linkedBytes().bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(out.aloneBytes().bytes(), StandardCharsets.UTF_8));

        RunJob.Difference err = o.differences().get(1);
        assertThat(err.describe()).isEqualTo("where: stderr differs at byte 12 (linked 18 bytes, alone 16 bytes): linked"
                + " ... 65 72 20 61 74 20 30 78 [31] 32 39 37 30 0a, alone ... 65 72 20 61 74 20 30 78 [64] 37 30 0a");
        assertThat(err.linkedBytes().text()).isEqualTo("marker at 0x12970\n");
        assertThat(err.aloneBytes().text()).isEqualTo("marker at 0xd70\n");
        assertThat(o.exitStatus()).isEqualTo(1);
    }

    @Test
    void aNonZeroExitFailsARunWithoutRunSteps() throws Exception {
        // echo exits with the number of lines it read (2); its sample manifest expects that, this one has no steps
        Path echo = Paths.get(getClass().getResource("/wasi/echo.wasm").toURI());
        Path manifest = java.nio.file.Files.writeString(tmp.resolve("exit.yaml"), "memory: { max: 256KiB }\nmodules:\n"
                + "  - { name: echo, wasm: " + echo.toAbsolutePath() + ", stdin: " + echo.resolveSibling("input.txt").toAbsolutePath()
                + " }\n");
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest, out, false, Set.of()));
        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.INTERPRETER, false, 20_000, true));
        assertThat(o.report().steps()).singleElement().satisfies(s -> {
            assertThat(s.ending()).isEqualTo("exit 2");
            assertThat(s.failure()).isEqualTo("exit 2 (no expect-exit accepts it)");
        });
        assertThat(o.differences()).isEmpty(); // alone it exits 2 as well
        assertThat(o.exitStatus()).isEqualTo(1);
    }
}
