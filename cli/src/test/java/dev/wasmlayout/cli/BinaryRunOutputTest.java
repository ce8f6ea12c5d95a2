package dev.wasmlayout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary output on the console and in --json: the length and an escaped excerpt, the exact bytes as base64. */
class BinaryRunOutputTest {
    @TempDir
    Path tmp;

    private Path link() {
        Path manifest = CommandsTest.samples().getParent().resolve("linker/src/test/resources/binary/wasm-layout.yaml");
        Path out = tmp.resolve("out");
        CliRun link = CliRun.of("link", manifest.toString(), "-o", out.toString());
        assertThat(link.exit()).as(link.err()).isZero();
        return out;
    }

    @Test
    void theConsoleShowsBinaryOutputAsItsLengthAndAnExcerpt() {
        CliRun run = CliRun.of("run", link().toString(), "--differential", "--engine", "interpreter");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("15 bytes, not text: \"\\x1f\\x8b\\x08\\x00\\xff\\xfebin\\x8atail\\n\"\n-- steps\n")
                .contains("     stderr: marker at 0x12970\n")
                .contains("DIFFERENCE: where: stdout differs at byte 9 (linked 15 bytes, alone 15 bytes): linked"
                        + " ... 8b 08 00 ff fe 62 69 6e [8a] 74 61 69 6c 0a, alone ... 8b 08 00 ff fe 62 69 6e [83] 74 61 69 6c 0a\n")
                .contains("DIFFERENCE: where: stderr differs at byte 12 ")
                .endsWith("FAILED: 1 steps, 0 failed, 0 violations, 2 differences\n");
    }

    @Test
    void jsonCarriesTheExactBytes() throws Exception {
        CliRun run = CliRun.of("run", link().toString(), "--differential", "--json", "--engine", "interpreter");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode n = new ObjectMapper().readTree(run.out());
        byte[] linked = {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, (byte) 0xfe, 'b', 'i', 'n', (byte) 0x8a, 't', 'a', 'i', 'l', '\n'};
        JsonNode console = n.at("/report/console");
        assertThat(console.get("length").asInt()).isEqualTo(15);
        assertThat(console.get("text").isNull()).isTrue(); // not valid UTF-8
        assertThat(Base64.getDecoder().decode(console.get("base64").asText())).isEqualTo(linked);
        JsonNode step = n.at("/report/steps/0");
        assertThat(Base64.getDecoder().decode(step.at("/stdout/base64").asText())).isEqualTo(linked);
        assertThat(step.at("/stderr/text").asText()).isEqualTo("marker at 0x12970\n");
        assertThat(step.get("ending").asText()).isEqualTo("exit 0");
        JsonNode d = n.at("/differences/0");
        assertThat(d.get("what").asText()).isEqualTo("stdout");
        assertThat(d.get("offset").asLong()).isEqualTo(9);
        assertThat(Base64.getDecoder().decode(d.at("/aloneBytes/base64").asText())[9]).isEqualTo((byte) 0x83);
        assertThat(n.at("/differences/1/what").asText()).isEqualTo("stderr");
        assertThat(n.at("/differences/1/aloneBytes/text").asText()).isEqualTo("marker at 0xd70\n");
    }
}
