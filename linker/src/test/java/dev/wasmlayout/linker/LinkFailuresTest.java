package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link that fails says why in one line and leaves the output folder exactly as it was. */
class LinkFailuresTest {
    @TempDir
    Path tmp;

    private static Path samples() {
        return SamplesEndToEndTest.root();
    }

    @Test
    void staleModuleIsRefusedWithAdviceAndNothingIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "previous output");
        assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(samples().resolve("footprint/wasm-layout.stale.yaml"),
                out, false, Set.of())))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("checksum.stale.wasm: module 'checksum' cannot be moved: relocate: stale:")
                .hasMessageContaining("keep wasm-opt off PATH");
        assertThat(list(out)).containsExactly("keep.txt");
    }

    @Test
    void patchFailureLeavesThePreviousLinkUntouched() throws IOException {
        // link once, then break the manifest so the second link fails in the middle of patching
        Path dir = tmp.resolve("sample");
        TestTrees.copy(samples().resolve("pipeline"), dir);
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(dir.resolve("wasm-layout.yaml"), out, false, Set.of()));
        byte[] before = Files.readAllBytes(out.resolve("producer.wasm"));
        String manifest = Files.readString(dir.resolve("wasm-layout.yaml"));
        Files.writeString(dir.resolve("wasm-layout.yaml"), manifest.replace("name: ring_ack,", "name: ring_ack2,"));
        assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(dir.resolve("wasm-layout.yaml"), out, false, Set.of())))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("undefined data symbol 'ring_ack' names no shared or reserved region in the manifest");
        assertThat(Files.readAllBytes(out.resolve("producer.wasm"))).isEqualTo(before);
        assertThat(list(out)).doesNotContain("producer.wasm.tmp").allMatch(n -> !n.contains("tmp"));
    }

    @Test
    void withoutNeedsAnOptionalModule() {
        assertThatThrownBy(() -> LinkJob.prepare(new LinkJob.Request(samples().resolve("shared-lib/wasm-layout.yaml"),
                tmp, false, Set.of("mathlib"))))
                .isInstanceOf(LinkException.class)
                .hasMessageEndingWith("--without mathlib: module 'mathlib' is not optional (add 'optional: true' to leave it out)");
    }

    @Test
    void runOfAFolderThatWasNotLinked() {
        assertThatThrownBy(() -> RunJob.run(tmp, new RunJob.Options(dev.wasmlayout.validator.Engine.INTERPRETER, false, 1000, false)))
                .isInstanceOf(LinkException.class)
                .hasMessage(tmp.resolve("link.json") + ": no such file; " + tmp + " was not written by `wasm-layout link`");
    }

    @Test
    void aLinkJsonOfAnotherShapeIsOneLineWithoutJavaTypes() throws IOException {
        Files.writeString(tmp.resolve("link.json"), "[]\n");
        assertThatThrownBy(() -> LinkedSet.read(tmp)).isInstanceOf(LinkException.class)
                .hasMessage(tmp.resolve("link.json") + ": not a link.json (expected {\"manifest\": \"...\", \"without\": [...],"
                        + " \"files\": [...]})");
        Files.writeString(tmp.resolve("link.json"), "{\"without\": []}\n");
        assertThatThrownBy(() -> LinkedSet.read(tmp)).hasMessage(tmp.resolve("link.json") + ": no \"manifest\" entry");
    }

    private static java.util.List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

}
