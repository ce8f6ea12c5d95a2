package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns how a call ended into a {@link StepResult}: exit codes, violations, traps, timeouts, returned
 * values, expectations.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * How a run ended before any expectation is checked: the exit code (null when it did not exit), the
     * ending's name ("exit 3", "returned", "trap: ...", "timed out after N ms") and, when the ending is a
     * failure whatever the step expects (a trap, a timeout, a violation), the failure's text.
     */
    private record Ending(Integer exit, String text, String failure) {
        static Ending failed(String text) {
            return new Ending(null, text, text);
        }

        static Ending exit(int code) {
            return new Ending(code, "exit " + code, null);
        }

        /** A non-zero exit nobody expects fails the run, as it fails a shell script. */
        String unexpectedExit() {
            return exit != null && exit != 0 ? "exit " + exit + " (no expect-exit accepts it)" : null;
        }
    }

    /**
     * A run nothing is expected of and whose values are not shown: instantiating a module (and its
     * reactor's {@code _initialize}), or a module run alone for the differential comparison.
     */
    static StepResult unchecked(String module, String export, Watchdog.Outcome<?> o, long timeoutMillis, WasiHost wasi,
                                WasiHost.Output mark) {
        Ending end = ending(export, o, timeoutMillis);
        String failure = end.failure() != null ? end.failure() : end.unexpectedExit();
        return new StepResult(module, export, end.exit(), List.of(), wasi.stdoutSince(mark), wasi.stderrSince(mark),
                o.millis(), failure, end.text());
    }

    /**
     * A call step: what the export returned (typed by {@code resultTypes}) and whether the call met the
     * step's expectations. An expected result has already passed {@link ResultExpectation#unfit}.
     */
    static StepResult call(RunStep step, List<ValType> resultTypes, Watchdog.Outcome<long[]> o, long timeoutMillis,
                           WasiHost wasi, WasiHost.Output mark) {
        Ending end = ending(step.export(), o, timeoutMillis);
        boolean completed = !o.timedOut() && o.error() == null; // an exit, trap or violation returns nothing
        List<Number> values = completed && o.value() != null ? ReturnedValues.typed(o.value(), resultTypes) : List.of();
        Captured stdout = wasi.stdoutSince(mark);
        String failure = end.failure();
        if (failure == null) {
            List<String> unmet = new ArrayList<>();
            if (step.expectExit() != null && !Objects.equals(end.exit(), step.expectExit())) {
                unmet.add("expected exit " + step.expectExit() + ", got " + (end.exit() == null ? "no exit (" + end.text() + ")"
                        : end.text()));
            } else if (step.expectExit() == null && end.unexpectedExit() != null) {
                unmet.add(end.unexpectedExit());
            }
            if (step.expectStdout() != null && !Captured.of(step.expectStdout()).equals(stdout)) {
                unmet.add("expected stdout " + quote(step.expectStdout()) + ", got " + quote(stdout.display()));
            }
            String result = step.expectResult() == null ? null
                    : ResultExpectation.unmet(resultTypes, step.expectResult(), values);
            if (result != null) {
                unmet.add(result);
            }
            failure = unmet.isEmpty() ? null : String.join("; ", unmet);
        }
        return new StepResult(step.module(), step.export(), end.exit(), values, stdout, wasi.stderrSince(mark),
                o.millis(), failure, end.text());
    }

    private static Ending ending(String export, Watchdog.Outcome<?> o, long timeoutMillis) {
        if (o.timedOut()) {
            String text = "timed out after " + timeoutMillis + " ms";
            return new Ending(null, text, text + (o.stopped() ? "" : " and could not be stopped; the steps after it were skipped"));
        }
        if (o.error() != null) {
            Throwable e = o.error();
            WasiExitException exitEx = find(e, WasiExitException.class);
            ViolationException v = find(e, ViolationException.class);
            if (e instanceof StackOverflows.Trap) {
                return Ending.failed(e.getMessage());
            } else if (v != null) {
                return Ending.failed("stopped at the first violation: " + v.violation().describe());
            } else if (exitEx != null) {
                return Ending.exit(exitEx.exitCode());
            } else if (find(e, ExecutionCompletedException.class) != null) {
                return Ending.exit(0);
            } else if (e instanceof SetupException) {
                return Ending.failed(e.getMessage());
            }
            return Ending.failed("trap: " + message(e));
        }
        // a command that returns from _start exits with 0
        return export.equals("_start") ? Ending.exit(0) : new Ending(null, "returned", null);
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
