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

    /** How a run ended before any expectation is checked: an exit code and/or why it failed (both may be null). */
    private record Ending(Integer exit, String failure) {
    }

    /**
     * A run nothing is expected of and whose values are not shown: instantiating a module (and its
     * reactor's {@code _initialize}), or a module run alone for the differential comparison.
     */
    static StepResult unchecked(String module, String export, Watchdog.Outcome<?> o, long timeoutMillis, WasiHost wasi,
                                WasiHost.Output mark) {
        Ending end = ending(export, o, timeoutMillis);
        return new StepResult(module, export, end.exit(), List.of(), wasi.stdoutSince(mark), wasi.stderrSince(mark),
                o.millis(), end.failure());
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
        String stdout = wasi.stdoutSince(mark);
        String failure = end.failure();
        if (failure == null) {
            List<String> unmet = new ArrayList<>();
            if (step.expectExit() != null && !Objects.equals(end.exit(), step.expectExit())) {
                unmet.add("expected exit " + step.expectExit() + ", got " + (end.exit() == null ? "no exit" : end.exit()));
            }
            if (step.expectStdout() != null && !step.expectStdout().equals(stdout)) {
                unmet.add("expected stdout " + quote(step.expectStdout()) + ", got " + quote(stdout));
            }
            String result = step.expectResult() == null ? null
                    : ResultExpectation.unmet(resultTypes, step.expectResult(), values);
            if (result != null) {
                unmet.add(result);
            }
            failure = unmet.isEmpty() ? null : String.join("; ", unmet);
        }
        return new StepResult(step.module(), step.export(), end.exit(), values, stdout, wasi.stderrSince(mark),
                o.millis(), failure);
    }

    private static Ending ending(String export, Watchdog.Outcome<?> o, long timeoutMillis) {
        if (o.timedOut()) {
            return new Ending(null, "timed out after " + timeoutMillis + " ms"
                    + (o.stopped() ? "" : " and could not be stopped; the steps after it were skipped"));
        }
        if (o.error() != null) {
            Throwable e = o.error();
            WasiExitException exitEx = find(e, WasiExitException.class);
            ViolationException v = find(e, ViolationException.class);
            if (e instanceof StackOverflows.Trap) {
                return new Ending(null, e.getMessage());
            } else if (v != null) {
                return new Ending(null, "stopped at the first violation: " + v.violation().describe());
            } else if (exitEx != null) {
                return new Ending(exitEx.exitCode(), null);
            } else if (find(e, ExecutionCompletedException.class) != null) {
                return new Ending(0, null);
            } else if (e instanceof SetupException) {
                return new Ending(null, e.getMessage());
            }
            return new Ending(null, "trap: " + message(e));
        }
        // a command that returns from _start exits with 0
        return new Ending(export.equals("_start") ? 0 : null, null);
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
