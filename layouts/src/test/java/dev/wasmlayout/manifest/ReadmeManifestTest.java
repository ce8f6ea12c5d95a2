package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest README.md shows is one the reader accepts: a user copies it first. */
class ReadmeManifestTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleLoads() throws IOException {
        Path readme = Path.of("..", "README.md");
        // the files the example names: the reader checks that they exist
        Files.writeString(dir.resolve("input.txt"), "echo's stdin\n");
        Files.createDirectories(dir.resolve("build"));
        for (String m : new String[] {"producer", "consumer", "transform", "mathlib", "app1", "trace", "echo"}) {
            Files.write(dir.resolve("build").resolve(m + ".wasm"), new byte[0]);
        }
        String text = Files.readString(readme);
        int section = text.indexOf("## The manifest");
        int start = text.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = text.substring(start, text.indexOf("```", start));

        Manifest m = ManifestReader.parse(yaml, dir.resolve("wasm-layout.yaml"));

        assertThat(m.modules()).extracting(ModuleSpec::name)
                .containsExactly("producer", "consumer", "transform", "mathlib", "app1", "trace", "echo");
        assertThat(m.run()).hasSize(3);
    }
}
