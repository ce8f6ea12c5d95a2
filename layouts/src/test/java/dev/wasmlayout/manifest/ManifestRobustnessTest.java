package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Whatever the text, the reader either returns a manifest or throws one-line ManifestExceptions. */
class ManifestRobustnessTest {

    private static final String VALID = """
            memory: { import: env.memory, max: 1MiB, null-guard: 1KiB }
            reserve: [ { name: io, at: 0x8000, size: 4KiB, align: 4KiB, writers: [lib] } ]
            shared:
              - { name: ring, size: 16KiB, align: 64, writers: [app], readers: [lib] }
            modules:
              - { name: app, wasm: app.wasm, stack: 16KiB, heap: 64KiB, imports: { m: lib } }
              - { name: lib, wasm: lib.wasm, optional: true, strategy: pic }
            run:
              - { call: app._start, args: [1, io], expect-exit: 0, load: { file: in, region: ring } }
              - { write: ring, text: "hi", dump: { region: app.heap, file: out } }
            """;

    private static final Path FILE = folderWithModules().resolve("wasm-layout.yaml");

    private static Path folderWithModules() {
        try {
            Path dir = Files.createTempDirectory("wasm-layout-props");
            Files.write(dir.resolve("app.wasm"), new byte[0]);
            Files.write(dir.resolve("lib.wasm"), new byte[0]);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theValidManifestStillLoads() {
        assertThat(ManifestReader.parse(VALID, FILE).modules()).hasSize(2);
    }

    @Property(tries = 3000)
    void mutatedManifestsFailOnlyWithOneLineManifestExceptions(@ForAll("mutations") String text) {
        readOrExplain(text);
    }

    @Property(tries = 2000)
    void randomTextFailsOnlyWithOneLineManifestExceptions(@ForAll("yamlishText") String text) {
        readOrExplain(text);
    }

    private static void readOrExplain(String text) {
        try {
            ManifestReader.parse(text, FILE);
        } catch (ManifestException e) {
            assertThat(e.getMessage()).startsWith(FILE + ":").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> character = Arbitraries.of(' ', '\n', ':', '-', '{', '}', '[', ']', ',', 'x', '0', '\'', '"', '#', '&', '*', '\t', '!');
        Arbitrary<String> one = Combinators.combine(position, character, Arbitraries.integers().between(0, 2))
                .as((at, c, op) -> switch (op) {
                    case 0 -> VALID.substring(0, at) + VALID.substring(at + 1);
                    case 1 -> VALID.substring(0, at) + c + VALID.substring(at);
                    default -> VALID.substring(0, at) + c + VALID.substring(at + 1);
                });
        return one;
    }

    @Provide
    Arbitrary<String> yamlishText() {
        return Arbitraries.strings().withChars("memoryax:{}[]-, \n0123456789KiBnulsharedwpt.#'\"&*!|>?%@`")
                .ofMaxLength(120);
    }
}
