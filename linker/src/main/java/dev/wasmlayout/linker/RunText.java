package dev.wasmlayout.linker;

import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a run for a person, the same for the terminal and the Maven log: what the modules
 * printed, each step (its exit code or what the export returned), each problem, then the verdict.
 * Every line has a level, so a build log can show problems as errors.
 */
public final class RunText {
    private RunText() {
    }

    public enum Level { INFO, WARN, ERROR }

    public record Line(Level level, String text) {
    }

    /** The whole text, one line per {@link #lines} entry. */
    public static String render(RunJob.Outcome o) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines(o)) {
            sb.append(line.text()).append('\n');
        }
        return sb.toString();
    }

    public static List<Line> lines(RunJob.Outcome o) {
        List<Line> out = new ArrayList<>();
        // what the modules printed, in the order they printed it (a library's lines between its caller's);
        // binary output shows as its length and an escaped excerpt
        String console = o.report().console().display();
        if (!console.isEmpty()) {
            for (String line : (console.endsWith("\n") ? console.substring(0, console.length() - 1) : console).split("\n", -1)) {
                out.add(new Line(Level.INFO, line));
            }
        }
        out.add(new Line(Level.INFO, "-- steps"));
        for (StepResult s : o.report().steps()) {
            out.add(new Line(s.ok() ? Level.INFO : Level.ERROR, "   " + s.module() + "." + s.export()
                    + (s.exitCode() != null ? " exit " + s.exitCode() : "")
                    + (s.returned().isEmpty() ? "" : " returned " + s.returnedText()) + ", " + s.millis() + " ms"
                    + (s.failure() != null ? "  FAILED: " + s.failure() : "")));
            for (String line : s.stderr().display().split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.add(new Line(Level.WARN, "     stderr: " + line));
                }
            }
        }
        for (Violation v : o.report().violations()) {
            out.add(new Line(Level.ERROR, "VIOLATION: " + v.describe()));
        }
        for (RunJob.Difference d : o.differences()) {
            out.add(new Line(Level.ERROR, "DIFFERENCE: " + d.describe()));
        }
        if (!o.alone().isEmpty()) {
            out.add(new Line(Level.INFO, "footprint: " + o.footprint()));
        }
        for (String n : o.report().notes()) {
            out.add(new Line(Level.INFO, "note: " + n));
        }
        out.add(o.exitStatus() == 0 ? new Line(Level.INFO, "OK: " + summary(o)) : new Line(Level.ERROR, "FAILED: " + summary(o)));
        return out;
    }

    /** "11 steps, 0 failed, 0 violations" (and ", N differences" when there are any). */
    public static String summary(RunJob.Outcome o) {
        long failed = o.report().steps().stream().filter(s -> !s.ok()).count();
        return o.report().steps().size() + " steps, " + failed + " failed, " + o.report().violations().size() + " violations"
                + (o.differences().isEmpty() ? "" : ", " + o.differences().size() + " differences");
    }
}
