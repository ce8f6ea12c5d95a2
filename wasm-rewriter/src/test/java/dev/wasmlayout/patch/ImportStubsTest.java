package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An optional module left out: its imports become stubs and every function index is renumbered. */
class ImportStubsTest {
    private static byte[] app1() {
        return TestFiles.read(TestFiles.root().resolve("samples/shared-lib/build/app1.wasm"));
    }

    @Test
    void traceImportsBecomeStubs() {
        ParsedModule before = ParsedModule.parse(app1());
        List<String> log = new ArrayList<>();
        byte[] out = ImportStubs.apply(app1(), Set.of("trace"), log);
        ParsedModule after = ParsedModule.parse(out);

        assertThat(before.sections.imports).extracting(Import::fullName).contains("trace.trace");
        assertThat(after.sections.imports).extracting(Import::fullName).doesNotContain("trace.trace").contains("mathlib.vec_sum");
        assertThat(log).containsExactly("import trace.trace is a stub returning zero (optional module 'trace' left out)");
        // one import fewer, one defined function more; exports point at the same functions by name
        assertThat(after.sections.importedFunctions).isEqualTo(before.sections.importedFunctions - 1);
        assertThat(after.sections.functionCount()).isEqualTo(before.sections.functionCount());
        for (Export e : after.sections.exports) {
            if (e.kind() == ExternalKind.FUNC) {
                Export old = before.sections.exports.stream().filter(x -> x.name().equals(e.name())).findFirst().orElseThrow();
                assertThat(after.functionName(e.index())).isEqualTo(before.functionName(old.index()));
            }
        }
        int stub = after.sections.functionCount() - 1;
        assertThat(after.functionName(stub)).isEqualTo("stub:trace.trace");
    }

    @Test
    void nothingToStubLeavesTheBytesAlone() {
        byte[] in = app1();
        assertThat(ImportStubs.apply(in, Set.of("nobody"), new ArrayList<>())).isSameAs(in);
    }

    @Test
    void stubbedModuleValidates(@TempDir Path dir) throws Exception {
        assumeTrue(TestFiles.onPath("wasm-validate"), "wasm-validate (Debian wabt) is not installed");
        Path f = dir.resolve("app1.wasm");
        Files.write(f, ImportStubs.apply(app1(), Set.of("trace", "mathlib"), new ArrayList<>()));
        Process p = new ProcessBuilder("wasm-validate", "--ignore-custom-section-errors", f.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(msg).isZero();
    }
}
