package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CHeaderReportTest {

    private static final Pattern DEFINE = Pattern.compile("(?m)^#define (\\w+)");

    @TempDir
    Path dir;

    @Test
    void namesAreUpperCaseWithUnderscores() {
        assertThat(CHeaderReport.mangle("producer.stack")).isEqualTo("PRODUCER_STACK");
        assertThat(CHeaderReport.mangle("null-guard")).isEqualTo("NULL_GUARD");
        assertThat(CHeaderReport.mangle("\u00e9t\u00e91")).isEqualTo("_T_1");
        assertThat(CHeaderReport.mangle("")).isEqualTo("REGION");
    }

    @Test
    void collisionsGetTheKindThenACounterAndNeverRedefineAMacro() {
        Layout layout = ReportFixtures.awkward();
        List<String> names = CHeaderReport.macroNames(layout.regions());
        List<String> regionNames = layout.regions().stream().map(Region::name).toList();
        // x-y and x_y both mangle to X_Y; X_Y_RESERVED is taken by x.y.reserved, so counters follow
        assertThat(names.get(regionNames.indexOf("x.y.reserved"))).isEqualTo("X_Y_RESERVED");
        assertThat(names.get(regionNames.indexOf("x-y"))).isEqualTo("X_Y_RESERVED_2");
        assertThat(names.get(regionNames.indexOf("x_y"))).isEqualTo("X_Y_RESERVED_3");
        // "page" would define WASM_LAYOUT_PAGE_SIZE a second time
        assertThat(names.get(regionNames.indexOf("page"))).isEqualTo("PAGE_SHARED");
        assertThat(names.get(regionNames.indexOf("a<1>.data"))).isEqualTo("A_1__DATA");

        for (Layout l : List.of(layout, ReportFixtures.golden("footprint"), ReportFixtures.golden("huge-gap"))) {
            List<String> macros = macros(CHeaderReport.render(l));
            assertThat(macros).doesNotHaveDuplicates().hasSize(3 + 3 * l.regions().size() + 1);
        }
    }

    @Test
    void theHugeGapFixtureShowsTheRenamedPair() {
        String header = Reports.render(ReportFixtures.golden("huge-gap"), ReportFormat.C_HEADER);
        assertThat(header).contains("#define WASM_LAYOUT_HOST_IO_SHARED_START   0x00025000u\n",
                "#define WASM_LAYOUT_HOST_IO_RESERVED_START 0x003f0000u\n",
                "#define WASM_LAYOUT_PAGE_SIZE              65536u\n");
        assertThat(header).startsWith("/* Memory layout of env.memory")
                .contains("#ifndef WASM_LAYOUT_H\n#define WASM_LAYOUT_H\n")
                .endsWith("#endif /* WASM_LAYOUT_H */\n");
    }

    @Test
    void userTextCannotEndAComment() {
        String header = CHeaderReport.render(ReportFixtures.awkward());
        assertThat(header).doesNotContain("*/ ??").contains("/* *\\/ /\\* ?\\?/ \\u0001\\n: guard */");
    }

    /** The header compiles warning-free as C11, and its values agree with the layout in static asserts. */
    @Test
    void compilesWithClang() throws Exception {
        Path clang = ReportFixtures.onPath("clang-19").orElse(null);
        Assumptions.assumeTrue(clang != null, "clang-19 is not on PATH: the header is not compiled");
        for (Layout layout : List.of(ReportFixtures.golden("footprint"), ReportFixtures.golden("huge-gap"),
                ReportFixtures.awkward())) {
            String header = CHeaderReport.render(layout);
            Files.writeString(dir.resolve("layout.h"), header, StandardCharsets.UTF_8);
            compile(clang, "-x", "c-header", "layout.h");
            StringBuilder use = new StringBuilder("#include \"layout.h\"\n");
            List<String> names = CHeaderReport.macroNames(layout.regions());
            for (int i = 0; i < names.size(); i++) {
                Region region = layout.regions().get(i);
                String m = "WASM_LAYOUT_" + names.get(i);
                use.append("_Static_assert(").append(m).append("_END - ").append(m).append("_START == ").append(m)
                        .append("_SIZE && ").append(m).append("_START == ").append(region.start()).append("u && ")
                        .append(m).append("_SIZE == ").append(region.size()).append("u, \"").append(m).append("\");\n");
            }
            use.append("_Static_assert(WASM_LAYOUT_PAGE_SIZE * WASM_LAYOUT_INITIAL_PAGES == ")
                    .append(layout.initialPages() * layout.pageSize()).append("u, \"pages\");\n")
                    .append("unsigned long wasm_layout_max(void) { return WASM_LAYOUT_MAX_PAGES; }\n");
            Files.writeString(dir.resolve("use.c"), use.toString(), StandardCharsets.UTF_8);
            compile(clang, "use.c");
        }
    }

    private void compile(Path clang, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(clang.toString(), "-std=c11", "-fsyntax-only", "-Wall", "-Wextra",
                "-Wpedantic", "-Werror"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("clang said:\n%s\nabout:\n%s", output,
                Files.readString(dir.resolve(args[args.length - 1]))).isZero();
    }

    private static List<String> macros(String header) {
        List<String> macros = new ArrayList<>();
        Matcher matcher = DEFINE.matcher(header);
        while (matcher.find()) {
            macros.add(matcher.group(1));
        }
        return macros;
    }
}
