package dev.wasmlayout.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run directly (no Maven), over a copy of the pipeline sample the integration test uses. */
class MojosTest {
    /** The integration test's sample; surefire runs in the module's folder. */
    static final Path SAMPLE = Path.of("src/it/link-and-validate/src/main/wasm");

    @TempDir
    Path project;

    Path manifest;
    Path out;
    Path state;
    CapturingLog log = new CapturingLog();

    @BeforeEach
    void copySample() throws IOException {
        Path wasm = project.resolve("src/main/wasm");
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path p : files.toList()) {
                Path to = wasm.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        manifest = wasm.resolve("wasm-layout.yaml");
        out = project.resolve("target/classes/wasm");
        state = project.resolve("target/wasm-layout");
    }

    private <M extends AbstractWasmLayoutMojo> M configure(M mojo) {
        mojo.basedir = project.toFile();
        mojo.outputDirectory = out.toFile();
        mojo.stateDirectory = state.toFile();
        mojo.setLog(log);
        return mojo;
    }

    LinkMojo link() {
        LinkMojo l = configure(new LinkMojo());
        l.manifest = manifest.toFile();
        return l;
    }

    ValidateMojo validate() {
        ValidateMojo v = configure(new ValidateMojo());
        v.setEngine("interpreter");
        return v;
    }

    ReportMojo report() {
        ReportMojo r = configure(new ReportMojo());
        r.manifest = manifest.toFile();
        r.reportDirectory = state.toFile();
        r.formats = List.of("html");
        return r;
    }

    @Test
    void linkWarnsWhenAModuleLosesItsDebugInfo() throws Exception {
        // a position-independent module with DWARF: the pic strategy drops it and says why
        Path wasm = Path.of(System.getProperty("wasmlayout.root", "..")).resolve(
                "wasm-rewriter/src/test/resources/dev/wasmlayout/patch/debug/grow.pic.wasm");
        Files.copy(wasm, manifest.resolveSibling("grow.pic.wasm"));
        Files.writeString(manifest, "memory: { max: 1MiB }\nmodules:\n  - { name: grow, wasm: grow.pic.wasm }\n");
        link().execute();
        assertThat(log.has("[WARN] wasm-layout: grow: dropped the debug info (6 .debug_* sections): a position-independent"))
                .isTrue();
    }

    @Test
    void linkReplacesTheWholeSetAndKeepsFilesItDidNotWrite() throws Exception {
        Files.writeString(manifest, Files.readString(manifest).replace("{ name: consumer, wasm: build/consumer.wasm,",
                "{ name: consumer, optional: true, wasm: build/consumer.wasm,"));
        link().execute();
        assertThat(out.resolve("consumer.wasm")).isRegularFile();
        // the consumer leaves the set: its file leaves the output folder
        LinkMojo without = link();
        without.without = List.of("consumer");
        without.execute();
        assertThat(out.resolve("producer.wasm")).isRegularFile();
        assertThat(out.resolve("consumer.wasm")).doesNotExist();
        byte[] producer = Files.readAllBytes(out.resolve("producer.wasm"));
        // a file the link did not write stops the next link, which then changes nothing
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> link().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("holds notes.txt, which the previous link did not write");
        assertThat(out.resolve("consumer.wasm")).doesNotExist();
        assertThat(Files.readAllBytes(out.resolve("producer.wasm"))).isEqualTo(producer);
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        try (Stream<Path> beside = Files.list(out.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("wasm");
        }
    }

    @Test
    void linkWritesTheSetThenSkipsWhileNothingChanges() throws Exception {
        link().execute();
        for (String f : List.of("producer.wasm", "consumer.wasm", "layout.json", "wasm-layout.lock", "link.json")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(state.resolve(LinkMojo.STAMP)).isRegularFile();
        assertThat(log.has("wasm-layout: linked producer (relocate)")).isTrue();

        log.clear();
        link().execute();
        assertThat(log.has("wasm-layout: inputs unchanged, skipping link")).isTrue();
        assertThat(log.has("wasm-layout: linked")).isFalse();
    }

    @Test
    void aChangedModuleOrParameterOrMissingOutputRelinks() throws Exception {
        link().execute();

        Path consumer = manifest.resolveSibling("build/consumer.wasm");
        byte[] bytes = Files.readAllBytes(consumer);
        Files.write(consumer, bytes);
        log.clear();
        link().execute(); // same bytes rewritten: still unchanged
        assertThat(log.has("inputs unchanged")).isTrue();

        Files.write(manifest, (Files.readString(manifest) + "\n# a comment\n").getBytes());
        log.clear();
        link().execute();
        assertThat(log.has("wasm-layout: linked consumer")).isTrue();

        Files.delete(out.resolve("layout.json"));
        log.clear();
        link().execute();
        assertThat(log.has("wasm-layout: linked consumer")).isTrue();
        assertThat(out.resolve("layout.json")).isRegularFile();

        LinkMojo locked = link();
        locked.locked = true;
        log.clear();
        locked.execute();
        assertThat(log.has("wasm-layout: linked consumer")).isTrue();
    }

    @Test
    void validateRunsTheSetOnceThenSkips() throws Exception {
        link().execute();
        log.clear();
        validate().execute();
        assertThat(log.has("[INFO] consumer: 73 records, checksum d0a72b73")).isTrue();
        assertThat(log.has("[INFO]    producer.produce returned 58, ")).isTrue();
        assertThat(log.lines).anyMatch(l -> l.matches("\\[INFO\\] OK: \\d+ steps, 0 failed, 0 violations"));

        log.clear();
        validate().execute();
        assertThat(log.lines).anyMatch(l -> l.startsWith("[INFO] wasm-layout: inputs unchanged, skipping validate (last run: ")
                && l.endsWith("0 violations)"));

        ValidateMojo compiler = validate();
        compiler.setEngine("compiler");
        log.clear();
        compiler.execute();
        assertThat(log.lines).anyMatch(l -> l.startsWith("[INFO] OK: "));
    }

    @Test
    void aFailedStepFailsTheBuildAndLeavesNoStamp() throws Exception {
        Files.writeString(manifest, Files.readString(manifest)
                + "  - { call: consumer.report, expect-stdout: \"something else\" }\n");
        link().execute();
        log.clear();
        assertThatThrownBy(() -> validate().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("wasm-layout: validation of target/classes/wasm failed: 12 steps, 1 failed, 0 violations");
        assertThat(log.has("[ERROR]    consumer.report")).isTrue();
        assertThat(log.has("[ERROR] FAILED: 12 steps, 1 failed, 0 violations")).isTrue();
        assertThat(state.resolve(ValidateMojo.STAMP)).doesNotExist();
    }

    @Test
    void reportWritesTheHtmlMapFromTheLinkedLayoutOrFromThePlan() throws Exception {
        report().execute(); // nothing linked yet: planned from the manifest
        Path html = state.resolve("report.html");
        assertThat(Files.readString(html)).contains("<svg").contains("ring");
        assertThat(out).doesNotExist();

        link().execute();
        log.clear();
        report().execute();
        assertThat(log.has("html report -> target/wasm-layout/report.html")).isTrue();
        log.clear();
        report().execute();
        assertThat(log.has("inputs unchanged, skipping report")).isTrue();

        ReportMojo more = report();
        more.formats = List.of("html", "c-header");
        more.execute();
        assertThat(state.resolve("layout.h")).isRegularFile();
    }

    @Test
    void aMissingManifestNamesThePomElement() {
        LinkMojo m = link();
        m.manifest = project.resolve("src/main/wasm/nope.yaml").toFile();
        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class).hasMessage(
                "<manifest> src/main/wasm/nope.yaml does not exist (configure <manifest> in the "
                        + "wasm-layout-maven-plugin's <configuration>)");
    }

    @Test
    void aBadManifestIsOneLineWithFileLineAndColumn() throws Exception {
        Files.writeString(manifest, "memory:\n  max: 512KiB\nmodules:\n  - { name: producer, wasm: build/producer.wasm, stak: 8KiB }\n");
        assertThatThrownBy(() -> link().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(manifest + ":4:")
                .hasMessageContaining("unknown key 'stak'")
                .hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
        assertThat(state.resolve(LinkMojo.STAMP)).doesNotExist();
    }

    @Test
    void fuseWritesTheFusedModuleAndRelinksWhenTurnedOn() throws Exception {
        link().execute();
        assertThat(out.resolve("fused.wasm")).doesNotExist();
        LinkMojo fused = link();
        fused.fuse = true;
        log.clear();
        fused.execute();
        assertThat(log.has("wasm-layout: fused 2 modules -> ")).isTrue();
        assertThat(Files.readAllBytes(out.resolve("fused.wasm"))).startsWith(0x00, 0x61, 0x73, 0x6d);

        LinkMojo imports = link();
        imports.importMemory = true;
        assertThatThrownBy(imports::execute).hasMessageStartingWith("<importMemory> only applies with <fuse>true</fuse>");
    }

    @Test
    void withoutIsCheckedAgainstTheManifest() {
        LinkMojo m = link();
        m.without = List.of("trace");
        assertThatThrownBy(m::execute).hasMessageEndingWith("wasm-layout.yaml: <without> trace: the manifest has no module 'trace' "
                + "(configure <without> in the wasm-layout-maven-plugin's <configuration>)");
        m.without = List.of("producer");
        assertThatThrownBy(m::execute).hasMessageContaining("wasm-layout.yaml:")
                .hasMessageContaining(": <without> producer: module 'producer' is not optional (add 'optional: true' to leave it out)"
                        + " (configure <without> in the wasm-layout-maven-plugin's <configuration>)");
    }

    @Test
    void validateParametersNameTheirElements() throws Exception {
        ValidateMojo v = validate();
        assertThatThrownBy(v::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<outputDirectory> target/classes/wasm holds no linked set (no link.json)");
        link().execute();
        v.setEngine("jit");
        assertThatThrownBy(v::execute).hasMessage("<engine> 'jit': expected compiler or interpreter "
                + "(configure <engine> in the wasm-layout-maven-plugin's <configuration>)");
        v.setEngine("interpreter");
        v.stepTimeoutMillis = 0;
        assertThatThrownBy(v::execute).hasMessageStartingWith("<stepTimeoutMillis> 0: expected a positive number");
        ReportMojo r = report();
        r.formats = List.of("pdf");
        assertThatThrownBy(r::execute).hasMessageStartingWith("<formats> 'pdf': expected one of text, md, html, json, c-header (configure <formats>");
    }

    @Test
    void skipDoesNothing() throws Exception {
        LinkMojo m = link();
        m.skip = true;
        m.manifest = project.resolve("missing.yaml").toFile();
        m.execute();
        assertThat(out).doesNotExist();
        assertThat(log.has("skipping link")).isTrue();
    }
}
