package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmlayout.eh.LegacyExceptionTranslator;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.ExternalKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a linked set in Chicory over one shared memory and reports every write a module makes
 * outside its regions. Each run starts from fresh instances and a fresh memory.
 * <pre>
 * RunReport r = new Validator(set, ValidatorOptions.defaults()).run(List.of(RunStep.start("producer")));
 * </pre>
 */
public final class Validator {
    static final String INSTANTIATE = "(instantiate)";

    private final RunSet set;
    private final ValidatorOptions options;

    public Validator(RunSet set, ValidatorOptions options) {
        this.set = set;
        this.options = options;
    }

    /**
     * Instantiates every module (providers first; a reactor's {@code _initialize} runs then) and runs the steps in order.
     *
     * @throws SetupException when the set cannot be wired (bad module, missing provider, import cycle)
     */
    public RunReport run(List<? extends Step> steps) {
        Map<String, ParsedModule> parsed = new LinkedHashMap<>();
        Map<String, WasmModule> modules = new HashMap<>();
        for (RunModule m : set.modules()) {
            if (parsed.containsKey(m.name())) {
                throw new SetupException("two modules are named '" + m.name() + "'");
            }
            parsed.put(m.name(), parse(m));
            modules.put(m.name(), chicoryParse(m, parsed.get(m.name())));
        }
        ImportPlan plan = new ImportPlan(set, parsed);
        MemoryLimits limits = limits(set);
        SharedMemory shared = new SharedMemory(limits.initialPages(), limits.maximumPages());
        Ownership ownership = new Ownership(set.regions());
        Violations sink = new Violations(options.collectAll());
        List<String> notes = new ArrayList<>();
        List<StepResult> results = new ArrayList<>();
        Map<String, LinkedModule> linked = new HashMap<>();
        List<WasiHost> hosts = new ArrayList<>();
        Console console = new Console();
        StackOverflows overflows = new StackOverflows();
        Instantiator inst = new Instantiator(set, options.engine(), shared, ownership, sink, notes, console, overflows);
        String stuck = null;
        try {
            for (String name : plan.order()) {
                String missing = missingProvider(plan, name, linked);
                if (missing != null) {
                    results.add(StepResult.notRun(name, INSTANTIATE, 0,
                            "not instantiated: its provider '" + missing + "' failed"));
                    continue;
                }
                Instantiator.Pending p = inst.prepare(set.modules().indexOf(set.module(name)), set.module(name),
                        parsed.get(name), modules.get(name), linked);
                hosts.add(p.wasi());
                WasiHost.Output mark = p.wasi().mark();
                Watchdog.Outcome<Instance> o = overflows.explain(Watchdog.run(name + " " + INSTANTIATE,
                        options.stepTimeoutMillis(), () -> initialized(p.build().call(), parsed.get(name))));
                if (o.error() == null && !o.timedOut()) {
                    linked.put(name, new LinkedModule(name, o.value(), p.wasi()));
                } else {
                    results.add(Outcomes.unchecked(name, INSTANTIATE, o, options.stepTimeoutMillis(), p.wasi(), mark));
                    if (!o.stopped()) {
                        stuck = name + " " + INSTANTIATE;
                        break;
                    }
                }
            }
            StepRunner runner = new StepRunner(linked, set, options.stepTimeoutMillis(), overflows,
                    new HostSteps(shared, new WriteCheck(Ownership.HOST, ownership, sink, () -> null, () -> -1)));
            runner.runAll(steps, stuck, results);
        } finally {
            hosts.forEach(WasiHost::close);
        }
        if (sink.dropped() > 0) {
            notes.add(sink.dropped() + " more violation(s) were not listed (limit " + Violations.LIMIT + ")");
        }
        return new RunReport(results, sink.list(), notes, console.bytes());
    }

    static MemoryLimits limits(RunSet set) {
        if (set.maxPages() > MemoryLimits.MAX_PAGES) {
            throw new SetupException("memory maximum " + set.maxPages() + " pages is more than a 32-bit memory has ("
                    + MemoryLimits.MAX_PAGES + ")");
        }
        if (set.initialPages() > Memory.RUNTIME_MAX_PAGES) {
            throw new SetupException("memory of " + set.initialPages() + " pages is more than Chicory can hold ("
                    + Memory.RUNTIME_MAX_PAGES + ")");
        }
        return new MemoryLimits((int) set.initialPages(), (int) set.maxPages());
    }

    private static String missingProvider(ImportPlan plan, String name, Map<String, LinkedModule> linked) {
        for (ImportPlan.Link l : plan.links(name)) {
            if (!linked.containsKey(l.provider())) {
                return l.provider();
            }
        }
        return null;
    }

    /** Runs a reactor's {@code _initialize} (WASI's reactor convention) before anyone calls it. */
    static Instance initialized(Instance i, ParsedModule pm) {
        return initialized(i, pm, "");
    }

    /** As above for exports named {@code prefix + "_initialize"} (a fused module's {@code module._initialize}). */
    static Instance initialized(Instance i, ParsedModule pm, String prefix) {
        if (pm.sections.exportedIndex(ExternalKind.FUNC, prefix + "_initialize") >= 0) {
            i.export(prefix + "_initialize").apply();
        }
        return i;
    }

    static ParsedModule parse(RunModule m) {
        try {
            return ParsedModule.parse(m.wasm());
        } catch (RuntimeException e) {
            throw new SetupException("module '" + m.name() + "': " + e.getMessage());
        }
    }

    /**
     * The module as Chicory reads it. Chicory 1.7.5 runs the final exception-handling proposal
     * (try_table, throw_ref) only: a module of the legacy one (what clang 19 emits for setjmp/longjmp
     * and C++ exceptions) is translated to it first. What cannot be translated, or not run faithfully
     * (a rethrow of what a catch_all caught: Chicory resolves an exnref to the last exception thrown
     * with the same tag, not the one caught), is refused naming the module and the place.
     */
    /** The function whose body holds file offset {@code offset}. */
    private static int functionAt(ParsedModule pm, int offset) {
        for (var b : pm.sections.bodies) {
            if (offset >= b.start() && offset < b.end()) {
                return b.index();
            }
        }
        return -1;
    }

    static WasmModule chicoryParse(RunModule m, ParsedModule pm) {
        byte[] wasm = m.wasm();
        if (pm.exceptions.legacy()) {
            LegacyExceptionTranslator.Translation t;
            try {
                t = LegacyExceptionTranslator.translation(pm);
            } catch (RuntimeException e) {
                throw new SetupException(String.format("module '%s' (%s.wasm): cannot translate its legacy exception handling"
                        + " (first: %s at byte offset 0x%x, in %s) to the final proposal Chicory runs: %s", m.name(), m.name(),
                        pm.exceptions.firstLegacy().mnemonic(), pm.exceptions.firstLegacyOffset(),
                        pm.functionName(pm.exceptions.firstLegacyFunction()), e.getMessage()));
            }
            if (t.firstExnrefRethrow() >= 0) {
                throw new SetupException(String.format("module '%s' (%s.wasm): rethrow in a catch_all handler at byte offset"
                        + " 0x%x (in %s) cannot run faithfully in the validator: Chicory 1.7.5 rethrows the last exception"
                        + " thrown with the same tag, not the one caught; run this set under V8/node instead", m.name(),
                        m.name(), t.firstExnrefRethrow(), pm.functionName(functionAt(pm, t.firstExnrefRethrow()))));
            }
            wasm = t.bytes();
        }
        try {
            return Parser.parse(wasm);
        } catch (RuntimeException e) {
            throw new SetupException("module '" + m.name() + "': Chicory cannot load it: " + e.getMessage());
        }
    }
}
