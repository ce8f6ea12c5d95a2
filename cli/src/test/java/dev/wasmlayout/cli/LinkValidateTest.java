package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `link --validate` replaces the output folder only with a set that ran clean. */
class LinkValidateTest {
    @TempDir
    Path tmp;

    private Path manifest(String expectExit) throws Exception {
        Path where = CommandsTest.samples().getParent().resolve("linker/src/test/resources/binary/where.wasm").toAbsolutePath();
        return Files.writeString(tmp.resolve("wasm-layout.yaml"), "memory: { max: 512KiB }\nmodules:\n"
                + "  - { name: where, wasm: " + where + ", stack: 8KiB, heap: 0 }\n"
                + "run:\n  - { call: where._start, expect-exit: " + expectExit + " }\n");
    }

    @Test
    void aFailedValidationWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        CliRun failed = CliRun.of("link", manifest("3").toString(), "-o", out.toString(), "--validate");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED: expected exit 3, got exit 0")
                .endsWith("not written: the validation failed, so " + out + " was not created\n");
        assertThat(out).doesNotExist();
        assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("wasm-layout.yaml");

        assertThat(CliRun.of("link", manifest("0").toString(), "-o", out.toString(), "--validate").exit()).isZero();
        byte[] linked = Files.readAllBytes(out.resolve("where.wasm"));
        String layout = Files.readString(out.resolve("layout.json"));
        CliRun again = CliRun.of("link", manifest("3").toString(), "-o", out.toString(), "--validate");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).endsWith("not written: the validation failed, so " + out + " keeps the previous set\n");
        assertThat(Files.readAllBytes(out.resolve("where.wasm"))).isEqualTo(linked);
        assertThat(out.resolve("layout.json")).hasContent(layout);
        assertThat(Files.readString(out.resolve("link.json"))).contains("\"files\"");
        assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("wasm-layout.yaml", "out");
    }
}
