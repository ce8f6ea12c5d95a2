package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy is chosen once, here: the planner records it, the patcher applies it. */
class LoadedModuleTest {
    @TempDir
    Path tmp;

    @Test
    void theManifestStrategyWinsOverInspection() throws Exception {
        Path samples = SamplesEndToEndTest.root();
        Files.createDirectories(tmp.resolve("build"));
        Files.copy(samples.resolve("footprint/build/checksum.wasm"), tmp.resolve("build/checksum.wasm"));
        Path manifest = tmp.resolve("wasm-layout.yaml");
        Files.writeString(manifest, "memory: { max: 1MiB }\nmodules:\n"
                + "  - { name: inspected, wasm: build/checksum.wasm }\n"
                + "  - { name: told, wasm: build/checksum.wasm, strategy: placed }\n");
        var modules = ModuleLoader.load(ManifestReader.load(manifest));
        assertThat(modules.get(0).strategy()).isEqualTo(Strategy.RELOCATE); // linked with --emit-relocs
        assertThat(modules.get(1).strategy()).isEqualTo(Strategy.PLACED);
        // and the plan records the same choice
        assertThat(PlanJob.plan(manifest, null, false).plan().layout().modules())
                .extracting(m -> m.strategy()).containsExactly(Strategy.RELOCATE, Strategy.PLACED);
    }
}
