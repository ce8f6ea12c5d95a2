package dev.wasmlayout.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.inspect.ModuleFacts.Segment;
import dev.wasmlayout.wasm.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inspection agrees with `wasm-objdump -x` (Debian wabt) on memory limits, every data segment's
 * address and size, and the stack pointer's initial value. The objdump output of each sample is
 * committed next to it, so this runs without wabt; where wabt is installed the committed text is
 * checked against a fresh run so it cannot go stale.
 */
class InspectMatchesObjdumpTest {
    static Stream<Path> dumps() throws IOException {
        try (Stream<Path> s = Files.walk(TestFiles.root().resolve("samples"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".objdump.txt")).sorted().collect(Collectors.toList());
            return all.stream();
        }
    }

    private static Path moduleOf(Path dump) {
        String n = dump.getFileName().toString();
        return dump.resolveSibling(n.substring(0, n.length() - ".objdump.txt".length()) + ".wasm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void factsMatchObjdump(Path dump) throws IOException {
        Path wasm = moduleOf(dump);
        ObjdumpFacts o = ObjdumpFacts.parse(Files.readString(dump));
        ModuleFacts f = Inspector.inspect(wasm.toString(), Files.readAllBytes(wasm));

        assertThat(f.memory().minPages()).isEqualTo(o.memoryInitial());
        assertThat(f.memory().maxPages()).isEqualTo(o.memoryMax());
        assertThat(f.memory().imported()).isEqualTo(o.memoryImported());
        List<Segment> active = f.data().segments().stream().filter(Segment::active).collect(Collectors.toList());
        if (!f.pic().pic()) {
            assertThat(active).hasSameSizeAs(o.segments());
            for (int i = 0; i < active.size(); i++) {
                long[] seg = o.segments().get(i);
                assertThat(active.get(i).index()).isEqualTo(seg[0]);
                assertThat(active.get(i).size()).as("segment %d size", seg[0]).isEqualTo(seg[1]);
                assertThat(active.get(i).address()).as("segment %d address", seg[0]).isEqualTo(seg[2]);
            }
            if (!active.isEmpty()) {
                long first = o.segments().stream().mapToLong(s -> s[2]).min().getAsLong();
                assertThat(f.data().start()).isEqualTo(first);
            }
        }
        if (f.stack().pointerGlobal() >= 0 && !f.stack().pointerImported()) {
            assertThat(o.globalInits()).containsEntry(f.stack().pointerGlobal(), f.stack().initialPointer());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void committedDumpIsCurrent(Path dump) throws Exception {
        assumeTrue(TestFiles.onPath("wasm-objdump"), "wasm-objdump (Debian wabt) is not installed");
        Process p = new ProcessBuilder("wasm-objdump", "-x", moduleOf(dump).toString())
                .directory(dump.getParent().toFile()).redirectErrorStream(false).start();
        String fresh = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        ObjdumpFacts a = ObjdumpFacts.parse(fresh);
        ObjdumpFacts b = ObjdumpFacts.parse(Files.readString(dump));
        assertThat(a.memoryInitial()).isEqualTo(b.memoryInitial());
        assertThat(a.segments()).usingRecursiveComparison().isEqualTo(b.segments());
        assertThat(a.globalInits()).isEqualTo(b.globalInits());
    }
}
