package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output folder holds one whole set: the previous one or the new one, never a mix, whatever stops the
 * link (a failure, a refused check, a kill at any step of the swap), and nothing of a module that left the set.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;

    private static Path manifest() {
        return SamplesEndToEndTest.root().resolve("shared-lib/wasm-layout.yaml");
    }

    /** Every file of the folder with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.getParent())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aModuleThatLeftTheSetLeavesTheFolder() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of()));
        assertThat(out.resolve("trace.wasm")).exists();
        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of("trace")));
        assertThat(out.resolve("trace.wasm")).doesNotExist();
        assertThat(snapshot(out).keySet()).containsExactlyInAnyOrder("app1.wasm", "app2.wasm", "mathlib.wasm",
                "layout.json", "wasm-layout.lock", "link.json", "layout.h", "report.md", "report.html");
        assertThat(Files.readString(out.resolve("link.json"))).contains("\"files\" : [ \"app1.wasm\", \"app2.wasm\", "
                + "\"layout.h\", \"layout.json\", \"link.json\", \"mathlib.wasm\", \"report.html\", \"report.md\", \"wasm-layout.lock\" ]");
        assertThat(siblings(out)).containsExactly("out");
    }

    @Test
    void aRefusedCheckLeavesThePreviousSetOrNone() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.Written refused = LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of()), m -> { }, staged -> {
            assertThat(staged.getFileName().toString()).startsWith("out.wasm-layout-new-");
            assertThat(staged.resolve("trace.wasm")).exists();
            return false;
        });
        assertThat(refused.written()).isFalse();
        assertThat(siblings(out)).isEmpty(); // none before, none after

        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of("trace")));
        Map<String, byte[]> before = snapshot(out);
        assertThat(LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of()), m -> { }, staged -> false).written())
                .isFalse();
        assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(siblings(out)).containsExactly("out");
    }

    @Test
    void aFolderWithOtherFilesIsNotReplaced() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of())))
                .isInstanceOf(LinkException.class)
                .hasMessage(out + ": holds notes.txt, which is not the output of a link (no link.json); a link replaces its"
                        + " output folder whole, so give it a folder of its own or move those away");
        Files.delete(out.resolve("notes.txt"));
        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of()));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of())))
                .hasMessageStartingWith(out + ": holds notes.txt, which the previous link did not write;");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    /**
     * Kills (SIGKILL) a link in another JVM at a step of the swap, with a previous set (all four modules) in
     * DIR and a new one (without trace) being written: DIR holds one of the two whole sets (or, between the
     * two renames, nothing, with the previous set beside it), and the next link puts things right.
     */
    @ParameterizedTest
    @ValueSource(strings = {"staged 1", "staged 5", "moved aside", "swapped"})
    void aLinkKilledInTheMiddleLeavesOneWholeSet(String step) throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of()));
        Map<String, byte[]> previous = snapshot(out);
        Path other = tmp.resolve("other");
        LinkJob.link(new LinkJob.Request(manifest(), other, false, Set.of("trace")));
        Map<String, byte[]> next = snapshot(other);
        next.put("link.json", Files.readAllBytes(other.resolve("link.json"))); // same relative manifest path: same bytes

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PausingLink.class.getName(), step, manifest().toString(),
                out.toString(), "trace").redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = r.readLine();
            } while (line != null && !line.equals("paused at " + step));
            assertThat(line).as("the link reached " + step).isNotNull();
            p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        if (step.equals("moved aside")) {
            assertThat(out).doesNotExist(); // the one moment with no DIR: the previous set is beside it
            assertThat(siblings(out)).anySatisfy(n -> assertThat(n).startsWith("out.wasm-layout-old-"));
            assertThatThrownBy(() -> LinkedSet.read(out)).hasMessageStartingWith(out + ": no such folder: a link was killed"
                    + " while replacing it; the previous set is in " + out.toAbsolutePath() + ".wasm-layout-old-");
        } else {
            Map<String, byte[]> now = snapshot(out);
            assertThat(now).containsExactlyInAnyOrderEntriesOf(step.equals("swapped") ? next : previous);
        }
        // the next link first recovers: DIR holds the previous set again (or the new one), nothing is left beside it
        OutputFolder.recover(out.toAbsolutePath());
        assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(step.equals("swapped") ? next : previous);
        assertThat(siblings(out)).containsExactly("other", "out");
        LinkJob.link(new LinkJob.Request(manifest(), out, false, Set.of("trace")));
        assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(next);
        assertThat(siblings(out)).containsExactly("other", "out");
    }
}
