package dev.wasmlayout.layout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format for every fixture, byte for byte against the files in
 * layouts/src/test/resources/reports/&lt;case&gt;/ (named by {@link ReportFormat#fileName()}; the json
 * report is the fixture's own layout.json, which must come back unchanged).
 * <p>
 * After an intended change to a report, regenerate the expected files and review the diff:
 * <pre>
 * mvn -q -pl layouts -am test -Dtest=ReportGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dreports.update=true
 * git diff layouts/src/test/resources/reports
 * </pre>
 * In update mode the tests rewrite the files and then report themselves as skipped, so an update run
 * is never mistaken for a passing one.
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
        if (Boolean.getBoolean("reports.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            Assumptions.abort("rewrote " + expected);
        }
        assertThat(expected).exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(actual).doesNotContain("\r").endsWith("\n");
    }
}
