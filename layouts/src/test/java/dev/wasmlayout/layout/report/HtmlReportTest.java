package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void thePageNeedsNothingFromOutside() {
        for (String name : ReportFixtures.CASES) {
            String html = Reports.render(ReportFixtures.golden(name), ReportFormat.HTML);
            // the SVG namespace is a name, not a fetch; everything else must be inline
            String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertThat(withoutNamespace).doesNotContain("<script", "http:", "https:", "src=", "href=", "@import", "<link");
            assertThat(withoutNamespace.replace("url(#", "")).doesNotContain("url(");
            assertThat(html).startsWith("<!DOCTYPE html>\n").contains("<meta charset=\"utf-8\">");
        }
    }

    @Test
    void escapingKeepsXmlWellFormed() {
        assertThat(Xml.escape("<a href='x'>&</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Xml.escape("tab\tnul\u0000")).isEqualTo("tab\\tnul\\u0000");
        assertThat(Xml.escape("lone \ud800 pair \ud83d\ude00")).isEqualTo("lone \ufffd pair \ud83d\ude00");
    }

    @Test
    void belowTheMapComeTheTableFootprintAndLimits() {
        String html = Reports.render(ReportFixtures.golden("footprint"), ReportFormat.HTML);
        assertThat(html).containsSubsequence("<svg", "</svg>", "<table>", "sieve.heap", "0x0000aa40", "64 KiB", "</table>",
                "<h2>Footprint</h2>", "saves 1 page (64 KiB, 14.3%)",
                "<h2>Memory</h2>", "initial 6 pages (384 KiB), max 16 pages (1 MiB)");
        assertThat(html).contains("<tr class=\"free\"><td>(free)</td>");
    }

    @Test
    void modulesKeepTheirColourByPositionInTheModuleList() {
        Palette palette = new Palette(ReportFixtures.golden("footprint"));
        String html = Reports.render(ReportFixtures.golden("footprint"), ReportFormat.HTML);
        // checksum is the first module, so it has the first hue, though sieve sits lower in memory
        String checksumHeap = palette.moduleColour("checksum", dev.wasmlayout.layout.RegionKind.HEAP);
        assertThat(checksumHeap).isEqualTo(Palette.hsl(211, 0.58, 0.72));
        assertThat(html).contains("fill=\"" + checksumHeap + "\" data-region=\"checksum.heap\"");
        assertThat(palette.moduleColour("nobody", dev.wasmlayout.layout.RegionKind.DATA)).isEqualTo(Palette.UNKNOWN_OWNER);
    }

    /** Renders the page in headless Chromium; a blank or broken page gives a tiny screenshot. */
    @ParameterizedTest
    @ValueSource(strings = {"footprint", "huge-gap"})
    void chromiumRendersIt(String name) throws Exception {
        Path chromium = ReportFixtures.onPath("chromium").orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not on PATH: the page is not rendered");
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, Reports.render(ReportFixtures.golden(name), ReportFormat.HTML), StandardCharsets.UTF_8);
        Path png = dir.resolve(name + ".png");
        Process process = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile-" + name), "--screenshot=" + png,
                "--window-size=1200,1600", page.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        assertThat(png).as(Files.readString(dir.resolve(name + ".log"))).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).as("a page with a coloured map, not a blank one").isGreaterThan(20_000);
    }
}
