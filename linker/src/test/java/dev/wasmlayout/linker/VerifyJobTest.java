package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyJobTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshLinkIsConsistentAndAnUnpatchedModuleIsNot() throws Exception {
        Path samples = SamplesEndToEndTest.root();
        Path out = tmp.resolve("lib");
        LinkJob.link(new LinkJob.Request(samples.resolve("shared-lib/wasm-layout.yaml"), out, false, Set.of()));
        assertThat(VerifyJob.verify(out)).isEmpty();

        Files.copy(samples.resolve("shared-lib/build/app2.wasm"), out.resolve("app2.wasm"), StandardCopyOption.REPLACE_EXISTING);
        List<String> problems = VerifyJob.verify(out);
        String f = out.resolve("app2.wasm").toString();
        assertThat(problems).contains(
                f + ": not patched by wasm-layout (no 'wasm-layout.patched' section)",
                f + ": memory is not imported, the plan says env.memory");
        assertThat(problems).anyMatch(p -> p.startsWith(f + ": data segment 0 [0x400, 0xe60) is outside app2's data region"));
        assertThat(problems).anyMatch(p -> p.startsWith(f + ": __stack_pointer starts at 0x55f0, the top of its stack is 0x"));
    }
}
