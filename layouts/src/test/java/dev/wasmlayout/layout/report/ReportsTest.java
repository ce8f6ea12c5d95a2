package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.Region;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void formatsHaveTheirCommandLineNames() {
        assertThat(ReportFormat.cliNames()).containsExactly("text", "md", "html", "json", "c-header");
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportFormat.fromCliName(format.cliName())).contains(format);
        }
        assertThat(ReportFormat.fromCliName("C_HEADER")).isEmpty();
        assertThat(ReportFormat.C_HEADER.fileName()).isEqualTo("layout.h");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void sameLayoutSameBytesWhateverTheRegionOrder(ReportFormat format) {
        for (Layout layout : List.of(ReportFixtures.golden("footprint"), ReportFixtures.awkward())) {
            List<Region> reversed = new ArrayList<>(layout.regions());
            Collections.reverse(reversed);
            Layout shuffled = new Layout(layout.memoryImport(), layout.pageSize(), layout.initialPages(),
                    layout.maxPages(), reversed, layout.modules(), layout.footprint());
            String report = Reports.render(layout, format);
            assertThat(Reports.render(shuffled, format)).isEqualTo(report);
            assertThat(report).doesNotContain("\r").endsWith("\n");
        }
    }

    @Test
    void jsonIsLayoutJson() {
        Layout layout = ReportFixtures.awkward();
        assertThat(Reports.render(layout, ReportFormat.JSON)).isEqualTo(LayoutJson.write(layout));
    }

    @Test
    void writesAtomicallyAsUtf8() throws Exception {
        Path file = dir.resolve("out/report.md");
        Reports.writeTo(file, ReportFixtures.awkward(), ReportFormat.MD);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(Reports.render(ReportFixtures.awkward(), ReportFormat.MD));
    }

    @Test
    void textShowsGapsAndTheTailOfTheInitialMemory() {
        String text = Reports.render(ReportFixtures.golden("footprint"), ReportFormat.TEXT);
        assertThat(text).contains(
                "sieve.data       data      sieve      0x00002400  0x0000aa3c  0x0000863c  33.6 KiB\n"
                        + "(free)                                0x0000aa3c  0x0000aa40  0x00000004       4 B\n",
                "(free)                                0x00054aa0  0x00060000  0x0000b560  45.3 KiB\n",
                "memory     imported as env.memory, initial 6 pages (384 KiB), max 16 pages (1 MiB)\n");
        assertThat(text.lines()).allMatch(line -> line.equals(line.stripTrailing()));
    }

    @Test
    void textKeepsOneLinePerRegionWhateverTheName() {
        String text = Reports.render(ReportFixtures.awkward(), ReportFormat.TEXT);
        assertThat(text).contains("*/ /* ??/ \\u0001\\n  guard").contains("a<1>.data").contains("stray");
        // title, blank, header, 9 regions, the gap before stray.heap and the tail, blank, memory, footprint
        assertThat(text.lines()).hasSize(17);
    }

    @Test
    void markdownEscapesWhatItWouldInterpret() {
        String md = Reports.render(ReportFixtures.awkward(), ReportFormat.MD);
        assertThat(md).contains("| \\<b\\>\\&amp;'q'\"\\|\\*\\_\\` | shared | - |")
                .contains("| a\\<1\\>.data | data | a\\<1\\> |")
                .contains("# Memory layout of env.\"mem\" \\<\\&\\>\n");
        long tableRows = md.lines().filter(l -> l.startsWith("| ")).count();
        assertThat(tableRows).isEqualTo(1 + 9 + 2);
        assertThat(md.lines().filter(l -> l.startsWith("| ")))
                .allMatch(l -> l.split("(?<!\\\\)\\|", -1).length == 9, "every row has 7 cells");
    }

    @Test
    void footprintSaysWhatSharingSavesOrCosts() {
        assertThat(Summary.footprint(ReportFixtures.golden("footprint"))).isEqualTo(
                "one shared memory of 6 pages (384 KiB, 338.7 KiB used) against 7 pages (448 KiB) for the modules in"
                        + " separate memories with the same stacks and heaps: sharing saves 1 page (64 KiB, 14.3%)");
        assertThat(Summary.footprint(ReportFixtures.golden("huge-gap")))
                .endsWith("against 4 pages (256 KiB) for the modules in separate memories with the same stacks and heaps:"
                        + " sharing costs 60 pages (3.8 MiB) more");
        assertThat(Summary.footprint(withFootprint(new Footprint(100, 1, 1))))
                .isEqualTo("one shared memory of 1 page (64 KiB, 100 B used) against 1 page (64 KiB) for the modules in"
                        + " separate memories with the same stacks and heaps: the same number of pages");
        assertThat(Summary.footprint(ReportFixtures.withoutFootprint(ReportFixtures.awkward())))
                .isEqualTo("not recorded in this layout");
        assertThat(Reports.render(ReportFixtures.withoutFootprint(ReportFixtures.awkward()), ReportFormat.HTML))
                .contains("<p>Not recorded in this layout.</p>");
    }

    private static Layout withFootprint(Footprint footprint) {
        Layout l = ReportFixtures.awkward();
        return new Layout(l.memoryImport(), l.pageSize(), l.initialPages(), l.maxPages(), l.regions(), l.modules(), footprint);
    }

    @Test
    void unitsAreExactOrSayTheyAreRounded() {
        assertThat(Units.human(0)).isEqualTo("0 B");
        assertThat(Units.human(1000)).isEqualTo("1000 B");
        assertThat(Units.human(1024)).isEqualTo("1 KiB");
        assertThat(Units.human(34364)).isEqualTo("33.6 KiB");
        assertThat(Units.human(34800)).isEqualTo("34.0 KiB");
        assertThat(Units.human(1048575)).isEqualTo("1.0 MiB");
        assertThat(Units.human(4L << 30)).isEqualTo("4 GiB");
        assertThat(Units.human(-65536)).isEqualTo("-64 KiB");
        assertThat(Units.hex(0x4400)).isEqualTo("0x00004400");
        assertThat(Units.hex(1L << 32)).isEqualTo("0x100000000");
        assertThat(Units.pagesAndBytes(1, Layout.PAGE_SIZE)).isEqualTo("1 page (64 KiB)");
    }

    @Test
    void anEmptyLayoutStillRenders() {
        Layout empty = new Layout("env.memory", Layout.PAGE_SIZE, 0, 0, List.of(), List.of(), null);
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(Reports.render(empty, format)).isNotEmpty();
        }
    }
}
