package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run DIR` on a folder with fused.wasm, and `link --fuse --validate`, which checks the linked set and the fused module. */
class FusedRunCommandTest {
    @TempDir
    Path tmp;

    private static Path stray() {
        return CommandsTest.samples().getParent().resolve("linker/src/test/resources/fuse-stray/wasm-layout.yaml");
    }

    @Test
    void linkFuseValidateRunsBothAndRunPicksTheFusedModule() {
        Path out = tmp.resolve("out");
        CliRun link = CliRun.of("link", CommandsTest.samples().resolve("pipeline/wasm-layout.yaml").toString(), "-o",
                out.toString(), "--fuse", "--validate");
        assertThat(link.exit()).as(link.err()).isZero();
        String fusedPart = link.out().substring(link.out().indexOf("\n-- fused.wasm\n"));
        assertThat(link.out().substring(0, link.out().indexOf("\n-- fused.wasm\n"))).contains("OK: 11 steps, 0 failed, 0 violations")
                .doesNotContain("ran fused.wasm");
        assertThat(fusedPart).contains("note: ran fused.wasm as one instance (2 modules)")
                .endsWith("OK: 11 steps, 0 failed, 0 violations\n");

        CliRun run = CliRun.of("run", out.toString(), "--differential");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("note: ran fused.wasm as one instance (2 modules)")
                .endsWith("OK: 11 steps, 0 failed, 0 violations\n");
    }

    @Test
    void aStrayWriteInTheFusedModuleFailsTheLinkAndNamesTheWriter() throws Exception {
        Path out = tmp.resolve("out");
        CliRun link = CliRun.of("link", stray().toString(), "-o", out.toString(), "--fuse", "--validate", "--all");
        assertThat(link.exit()).isEqualTo(1);
        String fusedPart = link.out().substring(link.out().indexOf("\n-- fused.wasm\n"));
        assertThat(fusedPart).containsPattern("VIOLATION: writer \\(poke\\): write outside its regions: 4 byte\\(s\\) at 0x[0-9a-f]+"
                + " in victim.heap \\(owner victim\\)\n")
                .containsPattern("VIOLATION: writer \\(__wasi_fd_read via WASI fd_read\\): write outside its regions: 5 byte\\(s\\)"
                        + " at 0x[0-9a-f]+ in victim.stack \\(owner victim\\)\n")
                .contains("FAILED: 5 steps, 0 failed, 3 violations\n");
        assertThat(link.out()).endsWith("not written: the validation failed, so " + out + " was not created\n");
        assertThat(out).doesNotExist();
        assertThat(Files.list(tmp).count()).isZero();
    }

    @Test
    void aFusedWasmThatLinkDidNotFuseIsRefusedInOneLine() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("link", CommandsTest.samples().resolve("pipeline/wasm-layout.yaml").toString(), "-o",
                out.toString()).exit()).isZero();
        Files.copy(out.resolve("producer.wasm"), out.resolve("fused.wasm"));
        CliRun run = CliRun.of("run", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("wasm-layout: " + out.resolve("fused.wasm")
                + ": it has no wasm-layout.fused section (was it written by `link --fuse`?)\n");
        assertThat(run.out()).isEmpty();
    }
}
