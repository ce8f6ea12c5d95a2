package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.source.Quote;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The map read back as XML: every region is a rectangle of the right size at the right place. */
class SvgMemoryMapTest {

    /** Coordinates are written with three decimals. */
    private static final double ROUNDING = 0.0005;

    @Test
    void footprintIsDrawnToOneScaleWithoutBreaks() throws Exception {
        Layout layout = ReportFixtures.golden("footprint");
        Document svg = parse(Reports.render(layout, ReportFormat.HTML));
        // 6 pages, no huge gap: 960 px for 393216 bytes, so a 64 KiB heap is exactly 160 px, a 1 KiB guard 2.5 px
        double scale = SvgMemoryMap.BAR_HEIGHT / (6 * 65536.0);
        assertThat(SvgMemoryMap.scale(layout)).isEqualTo(scale);
        assertThat(height(rect(svg, "sieve.heap"))).isEqualTo(160);
        assertThat(height(rect(svg, "checksum.stack"))).isEqualTo(20);
        assertThat(height(rect(svg, "null-guard"))).isEqualTo(2.5);
        for (Region region : layout.regions()) {
            Element rect = rect(svg, region.name());
            assertThat(height(rect)).as(region.name()).isCloseTo(region.size() * scale, within(ROUNDING));
            assertThat(y(rect)).as(region.name()).isCloseTo(SvgMemoryMap.TOP + region.start() * scale, within(ROUNDING));
            assertThat(Double.parseDouble(rect.getAttribute("width"))).isEqualTo(SvgMemoryMap.BAR_WIDTH);
        }
        assertThat(elements(svg, "rect").stream().filter(r -> r.getAttribute("class").contains("huge"))).isEmpty();
    }

    @Test
    void aHugeGapBecomesABreakAndEverythingElseKeepsOneScale() throws Exception {
        Layout layout = ReportFixtures.golden("huge-gap");
        Document svg = parse(SvgMemoryMap.render(layout));
        long gap = 0x3f0000 - 0x26000;
        double scale = (SvgMemoryMap.BAR_HEIGHT - SvgMemoryMap.BREAK_HEIGHT) / (0x400000 - gap);
        assertThat(SvgMemoryMap.scale(layout)).isCloseTo(scale, within(1e-12));
        for (Region region : layout.regions()) {
            Element rect = rect(svg, region.name());
            assertThat(height(rect)).as(region.name()).isCloseTo(region.size() * scale, within(ROUNDING));
            // below the break everything moves up by what the break saved
            double expectedY = SvgMemoryMap.TOP + (region.start() < 0x3f0000 ? region.start() * scale
                    : 0x26000 * scale + SvgMemoryMap.BREAK_HEIGHT);
            assertThat(y(rect)).as(region.name()).isCloseTo(expectedY, within(ROUNDING));
        }
        Element brk = elements(svg, "rect").stream().filter(r -> r.getAttribute("class").equals("gap huge"))
                .findFirst().orElseThrow();
        assertThat(height(brk)).isEqualTo(SvgMemoryMap.BREAK_HEIGHT);
        assertThat(brk.getAttribute("data-gap")).isEqualTo("0x00026000");
        assertThat(title(brk)).isEqualTo("(free) 0x00026000\u20130x003f0000 (3.8 MiB), not to scale");
        assertThat(svg.getDocumentElement().getTextContent()).contains("\u2248 3.8 MiB free");
        // the 64 KiB reserve at the top of 4 MiB is as tall as checksum's 64 KiB heap, not a sliver
        assertThat(height(rect(svg, "host-io"))).isEqualTo(height(rect(svg, "checksum.heap"))).isGreaterThan(200);
    }

    @Test
    void everyRegionHasATitleWithItsAddresses() throws Exception {
        Layout layout = ReportFixtures.golden("footprint");
        Document svg = parse(SvgMemoryMap.render(layout));
        assertThat(title(rect(svg, "sieve.stack"))).isEqualTo("sieve.stack stack sieve 0x00000400\u20130x00002400 (8 KiB)");
        assertThat(title(rect(svg, "null-guard"))).isEqualTo("null-guard reserved - 0x00000000\u20130x00000400 (1 KiB)");
        for (Region region : layout.regions()) {
            assertThat(title(rect(svg, region.name()))).startsWith(region.name() + " ")
                    .contains(Units.hex(region.start()) + "\u2013" + Units.hex(region.end()));
        }
    }

    @Test
    void userTextIsEscapedAndTheMapStaysWellFormed() throws Exception {
        Layout layout = ReportFixtures.awkward();
        String html = Reports.render(layout, ReportFormat.HTML);
        Document svg = parse(html);
        for (Region region : layout.regions()) {
            String shown = Quote.escape(region.name()); // control characters as visible escapes
            Element rect = rect(svg, shown);
            assertThat(height(rect)).isCloseTo(region.size() * SvgMemoryMap.scale(layout), within(ROUNDING));
            assertThat(title(rect)).startsWith(shown + " " + region.kind().jsonName());
        }
        assertThat(html).doesNotContain("<b>").contains("*/ /* ??/ \\u0001\\n").contains("&lt;b&gt;&amp;amp;&#39;q&#39;&quot;|*_`")
                .contains("<title>Memory layout of env.&quot;mem&quot; &lt;&amp;&gt;</title>");
        // the empty data region still has its rectangle; it and the 16-byte guard (0.23 px) get a hairline to be seen
        assertThat(height(rect(svg, "a<1>.data"))).isZero();
        assertThat(elements(svg, "line").stream().filter(l -> l.getAttribute("class").equals("marker"))).hasSize(2);
    }

    @Test
    void labelsNeverOverprint() throws Exception {
        for (Layout layout : List.of(ReportFixtures.golden("footprint"), ReportFixtures.golden("huge-gap"),
                ReportFixtures.awkward())) {
            Document svg = parse(SvgMemoryMap.render(layout));
            List<Double> ys = new ArrayList<>();
            for (Element text : elements(svg, "text")) {
                if (text.getAttribute("class").equals("label")) {
                    ys.add(Double.parseDouble(text.getAttribute("y")));
                }
            }
            assertThat(ys).hasSize(layout.regions().size());
            for (int i = 1; i < ys.size(); i++) {
                assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(16 - ROUNDING);
            }
            double height = Double.parseDouble(svg.getDocumentElement().getAttribute("height"));
            assertThat(ys.get(ys.size() - 1)).isLessThan(height);
        }
    }

    /** The {@code <svg>...</svg>} part of a page (or a bare SVG), parsed by the JDK as namespace-aware XML. */
    static Document parse(String page) throws Exception {
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>") + "</svg>".length());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static Element rect(Document svg, String region) {
        return elements(svg, "rect").stream().filter(r -> r.getAttribute("data-region").equals(region))
                .reduce((a, b) -> {
                    throw new AssertionError("two rectangles for " + region);
                })
                .orElseThrow(() -> new AssertionError("no rectangle for " + region));
    }

    private static List<Element> elements(Document svg, String name) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String title(Element rect) {
        NodeList titles = rect.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        assertThat(titles.getLength()).isEqualTo(1);
        return titles.item(0).getTextContent();
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }

    private static double y(Element rect) {
        return Double.parseDouble(rect.getAttribute("y"));
    }
}
