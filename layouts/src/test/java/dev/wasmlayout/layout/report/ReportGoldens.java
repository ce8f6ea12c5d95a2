package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the expected reports that {@link ReportGoldenTest} compares against, after an intended
 * change to a report. Run it, then review the diff:
 * <pre>
 * mvn -q -pl layouts test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=dev.wasmlayout.layout.report.ReportGoldens -Dexec.classpathScope=test -Dwasmlayout.root=$PWD
 * git diff layouts/src/test/resources/reports
 * </pre>
 * Kept out of the test itself so that a test run only ever compares.
 */
public final class ReportGoldens {
    private ReportGoldens() {
    }

    public static void main(String[] args) throws IOException {
        for (String name : ReportFixtures.CASES) {
            Layout layout = ReportFixtures.golden(name);
            for (ReportFormat format : ReportFormat.values()) {
                Path expected = ReportFixtures.folder().resolve(name).resolve(format.fileName());
                Files.writeString(expected, Reports.render(layout, format), StandardCharsets.UTF_8);
                System.out.println("rewrote " + expected);
            }
        }
    }
}
