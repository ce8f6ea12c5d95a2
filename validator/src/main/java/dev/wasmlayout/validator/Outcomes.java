package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns how a call ended into a {@link StepResult}: exit codes, violations, traps, timeouts, expectations. */
final class Outcomes {
    private Outcomes() {
    }

    static StepResult result(String module, String export, Watchdog.Outcome<?> o, long timeoutMillis, WasiHost wasi,
                             WasiHost.Output mark, String expectStdout, Integer expectExit) {
        Integer exit = null;
        String failure = null;
        if (o.timedOut()) {
            failure = "timed out after " + timeoutMillis + " ms"
                    + (o.stopped() ? "" : " and could not be stopped; the steps after it were skipped");
        } else if (o.error() != null) {
            Throwable e = o.error();
            WasiExitException exitEx = find(e, WasiExitException.class);
            ViolationException v = find(e, ViolationException.class);
            if (v != null) {
                failure = "stopped at the first violation: " + v.violation().describe();
            } else if (exitEx != null) {
                exit = exitEx.exitCode();
            } else if (find(e, ExecutionCompletedException.class) != null) {
                exit = 0;
            } else if (e instanceof SetupException) {
                failure = e.getMessage();
            } else {
                failure = "trap: " + message(e);
            }
        } else if (export.equals("_start")) {
            exit = 0; // a command that returns from _start exits with 0
        }
        String stdout = wasi.stdoutSince(mark);
        String stderr = wasi.stderrSince(mark);
        List<String> unmet = new ArrayList<>();
        if (failure == null && expectExit != null && !Objects.equals(exit, expectExit)) {
            unmet.add("expected exit " + expectExit + ", got " + (exit == null ? "no exit" : exit));
        }
        if (failure == null && expectStdout != null && !expectStdout.equals(stdout)) {
            unmet.add("expected stdout " + quote(expectStdout) + ", got " + quote(stdout));
        }
        if (!unmet.isEmpty()) {
            failure = String.join("; ", unmet);
        }
        return new StepResult(module, export, exit, stdout, stderr, o.millis(), failure);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String message(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String quote(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return '"' + t.replace("\n", "\\n") + '"';
    }
}
