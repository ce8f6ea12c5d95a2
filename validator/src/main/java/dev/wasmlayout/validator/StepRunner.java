package dev.wasmlayout.validator;

import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.runtime.Instance;
import java.util.List;
import java.util.Map;

/** Runs one step of the list against the instantiated set. */
final class StepRunner {
    /** A step's result and whether its thread ended (false: it was abandoned after the deadline). */
    record Ran(StepResult result, boolean stopped) {
    }

    private final Map<String, LinkedModule> linked;
    private final RunSet set;
    private final long timeoutMillis;
    private final HostSteps host;
    private final StackOverflows overflows;
    /** The name a module's export has in its instance: itself, or {@code module.export} in a fused module. */
    private final java.util.function.BinaryOperator<String> exportName;

    StepRunner(Map<String, LinkedModule> linked, RunSet set, long timeoutMillis, StackOverflows overflows, HostSteps host) {
        this(linked, set, timeoutMillis, overflows, host, (module, export) -> export);
    }

    StepRunner(Map<String, LinkedModule> linked, RunSet set, long timeoutMillis, StackOverflows overflows, HostSteps host,
               java.util.function.BinaryOperator<String> exportName) {
        this.overflows = overflows;
        this.linked = linked;
        this.set = set;
        this.timeoutMillis = timeoutMillis;
        this.host = host;
        this.exportName = exportName;
    }

    Ran run(Step s) {
        if (s instanceof LoadStep) {
            return new Ran(host.load((LoadStep) s), true);
        }
        if (s instanceof DumpStep) {
            return new Ran(host.dump((DumpStep) s), true);
        }
        RunStep r = (RunStep) s;
        LinkedModule m = linked.get(r.module());
        if (m == null) {
            String why = set.module(r.module()) == null ? "is not in the set" : "was not instantiated";
            return new Ran(fail(r.module(), r.export(), "module '" + r.module() + "' " + why), true);
        }
        String export = exportName.apply(r.module(), r.export());
        if (!exportsFunction(m, export)) {
            return new Ran(fail(r.module(), r.export(), "module '" + r.module() + "' exports no function '" + r.export() + "'"), true);
        }
        long[] args = r.args();
        String wrong = checkArgs(m.instance(), export, args);
        List<ValType> resultTypes = m.instance().exportType(export).returns();
        if (wrong == null && r.expectResult() != null) { // one that can never match fails before the call, like wrong args
            wrong = ResultExpectation.unfit(r.export(), resultTypes, r.expectResult());
        }
        if (wrong != null) {
            return new Ran(fail(r.module(), r.export(), wrong), true);
        }
        WasiHost.Output mark = m.wasi().mark();
        Watchdog.Outcome<long[]> o = overflows.explain(Watchdog.run(r.module() + "." + r.export(), timeoutMillis,
                () -> m.instance().export(export).apply(args)));
        return new Ran(Outcomes.call(r, resultTypes, o, timeoutMillis, m.wasi(), mark), o.stopped());
    }

    /**
     * Runs {@code steps} in order into {@code results}. Once something could not be stopped ({@code stuck}
     * already, or a step that timed out), the steps after it are reported as skipped, not run.
     */
    void runAll(List<? extends Step> steps, String stuck, List<StepResult> results) {
        for (Step s : steps) {
            if (stuck != null) {
                results.add(skipped(s, stuck));
                continue;
            }
            Ran r = run(s);
            results.add(r.result());
            if (!r.stopped()) {
                stuck = r.result().module() + "." + r.result().export();
            }
        }
    }

    StepResult skipped(Step s, String stuck) {
        String why = "skipped: " + stuck + " could not be stopped and may still write to the memory";
        if (s instanceof RunStep) {
            return fail(((RunStep) s).module(), ((RunStep) s).export(), why);
        }
        return fail(Ownership.HOST, s instanceof LoadStep ? "load" : "dump", why);
    }

    /** Why {@code args} do not fit the export's parameters, or null when they do. */
    static String checkArgs(Instance instance, String export, long[] args) {
        int want = instance.exportType(export).params().size();
        if (want == args.length) {
            return null;
        }
        return export + " takes " + want + " argument(s), not " + args.length;
    }

    private static boolean exportsFunction(LinkedModule m, String name) {
        ExportSection exports = m.instance().module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export e = exports.getExport(i);
            if (e.name().equals(name) && e.exportType() == ExternalType.FUNCTION) {
                return true;
            }
        }
        return false;
    }

    private static StepResult fail(String module, String export, String why) {
        return StepResult.notRun(module, export, 0, why);
    }
}
