package dev.wasmlayout.maven;

import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Violation;
import org.apache.maven.plugin.logging.Log;

/** A validation run in the build log: what the modules printed, each step, each problem, then one summary line. */
final class RunLog {
    private RunLog() {
    }

    /** Logs the outcome and returns its summary ("11 steps, 0 failed, 0 violations"). */
    static String write(RunJob.Outcome o, Log log) {
        for (String line : o.report().console().display().split("\n")) {
            if (!line.isEmpty()) {
                log.info("  | " + line);
            }
        }
        for (StepResult s : o.report().steps()) {
            String line = "  step " + s.module() + "." + s.export() + (s.exitCode() != null ? " exit " + s.exitCode() : "")
                    + (s.returned().isEmpty() ? "" : " returned " + s.returnedText()) + ", " + s.millis() + " ms";
            if (s.ok()) {
                log.info(line);
            } else {
                log.error(line + "  FAILED: " + s.failure());
            }
            if (!s.stderr().isEmpty()) {
                for (String e : s.stderr().display().split("\n")) {
                    if (!e.isEmpty()) {
                        log.warn("    stderr: " + e);
                    }
                }
            }
        }
        for (Violation v : o.report().violations()) {
            log.error("VIOLATION: " + v.describe());
        }
        for (RunJob.Difference d : o.differences()) {
            log.error("DIFFERENCE: " + d.describe());
        }
        if (!o.alone().isEmpty()) {
            log.info("footprint: " + o.footprint());
        }
        for (String n : o.report().notes()) {
            log.info("note: " + n);
        }
        long failed = o.report().steps().stream().filter(s -> !s.ok()).count();
        String summary = o.report().steps().size() + " steps, " + failed + " failed, " + o.report().violations().size()
                + " violations" + (o.differences().isEmpty() ? "" : ", " + o.differences().size() + " differences");
        if (o.exitStatus() == 0) {
            log.info("wasm-layout: validation OK: " + summary);
        } else {
            log.error("wasm-layout: validation FAILED: " + summary);
        }
        return summary;
    }
}
