package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.source.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Keeps wasm-layout.schema.json (for editors) and the manifest reader describing the same language. */
class SchemaAgreementTest {

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/wasm-layout.schema.json")) {
            assertThat(in).as("schema on the classpath").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode definition(String name) {
        return name.equals("manifest") ? schema : schema.path("definitions").path(name);
    }

    @Test
    void everyObjectAllowsExactlyTheKeysTheReaderKnows() {
        for (Map.Entry<String, List<String>> entry : ManifestKeys.bySchemaDefinition().entrySet()) {
            JsonNode object = definition(entry.getKey());
            List<String> schemaKeys = new ArrayList<>();
            object.path("properties").fieldNames().forEachRemaining(schemaKeys::add);
            assertThat(schemaKeys).as("keys of '%s'", entry.getKey()).containsExactlyElementsOf(entry.getValue());
            assertThat(object.path("additionalProperties").asBoolean(true))
                    .as("'%s' refuses unknown keys like the reader", entry.getKey()).isFalse();
            object.path("required").forEach(required ->
                    assertThat(entry.getValue()).as("required in '%s'", entry.getKey()).contains(required.asText()));
        }
    }

    @Test
    void everySchemaObjectIsOneTheReaderChecks() {
        List<String> withProperties = new ArrayList<>();
        schema.path("definitions").fields().forEachRemaining(d -> {
            if (d.getValue().has("properties")) {
                withProperties.add(d.getKey());
            }
        });
        withProperties.add("manifest");
        assertThat(ManifestKeys.bySchemaDefinition().keySet()).containsExactlyInAnyOrderElementsOf(withProperties);
    }

    @Test
    void valuePatternsMatchTheReader() {
        JsonNode sizeAsText = definition("size").path("oneOf").get(1);
        assertThat(sizeAsText.path("pattern").asText()).isEqualTo(Sizes.PATTERN);
        assertThat(definition("name").path("pattern").asText()).isEqualTo("^" + SpecReader.NAME.pattern() + "$");
        JsonNode resultNumberAsText = definition("resultNumber").path("anyOf").get(1);
        assertThat(resultNumberAsText.path("pattern").asText()).isEqualTo(ResultNumber.PATTERN);
        List<String> strategies = new ArrayList<>();
        definition("module").path("properties").path("strategy").path("enum").forEach(s -> strategies.add(s.asText()));
        assertThat(strategies).containsExactlyElementsOf(Strategy.names());
        assertThat(definition("memory").path("properties").path("import").path("default").asText())
                .isEqualTo(Defaults.MEMORY_IMPORT);
    }

    /** samples/&lt;name&gt;/wasm-layout.yaml and its variants (wasm-layout.pic.yaml, ...) must all load. */
    @TestFactory
    Stream<DynamicTest> everySampleManifestLoads() throws IOException {
        Path samples = Path.of(System.getProperty("wasmlayout.root", "..")).resolve("samples");
        if (!Files.isDirectory(samples)) {
            return Stream.empty(); // no samples yet
        }
        try (Stream<Path> folders = Files.list(samples)) {
            List<Path> manifests = new ArrayList<>();
            for (Path folder : folders.sorted().toList()) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(f -> f.getFileName().toString().matches("wasm-layout(\\..+)?\\.yaml")).sorted()
                                .forEach(manifests::add);
                    }
                }
            }
            return manifests.stream().map(file -> DynamicTest.dynamicTest(samples.relativize(file).toString(),
                    () -> assertThat(ManifestReader.load(file).modules()).isNotEmpty()));
        }
    }
}
