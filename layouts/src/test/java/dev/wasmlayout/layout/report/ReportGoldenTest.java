package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format for every fixture, byte for byte against the files in
 * layouts/src/test/resources/reports/&lt;case&gt;/ (named by {@link ReportFormat#fileName()}; the json
 * report is the fixture's own layout.json, which must come back unchanged).
 * <p>
 * After an intended change to a report, regenerate the expected files with {@link ReportGoldens}
 * and review the diff.
 */
class ReportGoldenTest {

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : ReportFixtures.CASES) {
            for (ReportFormat format : ReportFormat.values()) {
                cases.add(Arguments.of(name, format));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheCommittedReport(String name, ReportFormat format) throws IOException {
        Layout layout = ReportFixtures.golden(name);
        String actual = Reports.render(layout, format);
        Path expected = ReportFixtures.folder().resolve(name).resolve(format.fileName());
        assertThat(expected).exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(actual).doesNotContain("\r").endsWith("\n");
    }
}
