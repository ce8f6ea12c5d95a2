package dev.wasmlayout.cli;

import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Violation;

/**
 * The result of a run for a person: what the modules printed, each step (its exit code or what the
 * export returned), then the verdict.
 */
final class RunText {
    private RunText() {
    }

    static String render(RunJob.Outcome o) {
        StringBuilder sb = new StringBuilder();
        // what the modules printed, in the order they printed it (a library's lines between its caller's)
        String console = o.report().console().display(); // binary output as its length and an escaped excerpt
        sb.append(console);
        if (!console.isEmpty() && !console.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("-- steps\n");
        for (StepResult s : o.report().steps()) {
            sb.append("   ").append(s.module()).append('.').append(s.export());
            sb.append(s.exitCode() != null ? " exit " + s.exitCode() : "");
            sb.append(s.returned().isEmpty() ? "" : " returned " + s.returnedText());
            sb.append(", ").append(s.millis()).append(" ms");
            sb.append(s.failure() != null ? "  FAILED: " + s.failure() : "").append('\n');
            indent(sb, s.stderr().display(), "     stderr: ");
        }
        for (Violation v : o.report().violations()) {
            sb.append(String.format("VIOLATION: %s in %s wrote %d bytes at 0x%x into %s (owner %s): %s%s%n", v.module(),
                    v.function(), v.size(), v.address(), v.region(), v.regionOwner() == null ? "none" : v.regionOwner(),
                    v.kind(), v.via() == null ? "" : " via " + v.via()));
        }
        for (RunJob.Difference d : o.differences()) {
            sb.append("DIFFERENCE: ").append(d.describe()).append('\n');
        }
        if (!o.alone().isEmpty()) {
            sb.append("footprint: ").append(o.footprint()).append('\n');
        }
        for (String n : o.report().notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        long failed = o.report().steps().stream().filter(s -> !s.ok()).count();
        sb.append(o.exitStatus() == 0 ? "OK: " : "FAILED: ").append(o.report().steps().size()).append(" steps, ")
                .append(failed).append(" failed, ").append(o.report().violations().size()).append(" violations");
        if (!o.differences().isEmpty()) {
            sb.append(", ").append(o.differences().size()).append(" differences");
        }
        return sb.append('\n').toString();
    }

    private static void indent(StringBuilder sb, String text, String prefix) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(prefix).append(line).append('\n');
            }
        }
    }
}
