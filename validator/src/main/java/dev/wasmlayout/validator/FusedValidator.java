package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmlayout.fuse.FuseException;
import dev.wasmlayout.fuse.FusedMap;
import dev.wasmlayout.fuse.PerModuleMemories;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a fused module ({@code link --fuse}) as one Chicory instance with the same ownership check as
 * {@link Validator}: each store is attributed to the module whose function made it, and one outside
 * that module's regions is a violation.
 * <p>
 * How a store is attributed: the module runs as its {@link PerModuleMemories} variant, where module
 * k's code and data segments use memory k + 1, bound to module k's guarded view of the one shared
 * memory (so every store of compiled or interpreted code is checked inline, as in the shared-memory
 * run). WASI uses memory 0; each WASI import is a wrapper that asks which function called it (the
 * innermost wasm frame) and points memory 0 at that module's view for the call. Each module has
 * its own WASI host, with its own stdin file and fd table, as in the shared-memory run; its argv and
 * environment come from the fused module itself.
 */
public final class FusedValidator {
    /** The writer of stores by functions that belong to no module (the fused start glue). */
    static final String GLUE = "(fused glue)";

    private final RunSet set;
    private final byte[] fused;
    private final List<Integer> dataCounts;
    private final ValidatorOptions options;

    /**
     * {@code set} gives the modules (by name, with stdin and env), the regions and the memory's limits;
     * {@code dataCounts} how many data segments each module of the fused section brought, in its order.
     */
    public FusedValidator(RunSet set, byte[] fused, List<Integer> dataCounts, ValidatorOptions options) {
        this.set = set;
        this.fused = fused;
        this.dataCounts = List.copyOf(dataCounts);
        this.options = options;
    }

    /** The module names of a fused module's {@value dev.wasmlayout.fuse.Fuser#SECTION} section, in order. */
    public static List<String> modules(byte[] fused) {
        try {
            return PerModuleMemories.owners(fused).stream().map(FusedMap.Owner::name).toList();
        } catch (FuseException e) {
            throw new SetupException("fused.wasm: " + e.getMessage());
        }
    }

    /** Instantiates (the start function and every module's {@code _initialize} run then) and runs the steps in order. */
    public RunReport run(List<? extends Step> steps) {
        PerModuleMemories.Variant v;
        try {
            v = PerModuleMemories.of(fused, dataCounts);
        } catch (FuseException e) {
            throw new SetupException("fused.wasm: " + e.getMessage());
        }
        RunModule whole = RunModule.of("fused", v.bytes());
        ParsedModule pm = Validator.parse(whole);
        WasmModule wm = Validator.chicoryParse(whole, pm);
        MemoryLimits limits = Validator.limits(set);
        SharedMemory shared = new SharedMemory(limits.initialPages(), limits.maximumPages());
        Ownership ownership = new Ownership(set.regions());
        Violations sink = new Violations(options.collectAll());
        List<String> notes = new ArrayList<>();
        notes.add("ran fused.wasm as one instance (" + v.owners().size() + (v.owners().size() == 1 ? " module" : " modules")
                + "); each module's writes checked"
                + " against its own regions");
        List<StepResult> results = new ArrayList<>();
        Console console = new Console();
        FunctionLocator locator = new FunctionLocator(pm);
        AtomicReference<Instance> self = new AtomicReference<>();
        StackOverflows overflows = new StackOverflows();

        List<FusedMap.Owner> owners = v.owners();
        if (owners.isEmpty()) {
            throw new SetupException("fused.wasm: its " + dev.wasmlayout.fuse.Fuser.SECTION + " section lists no module");
        }
        GuardedMemory[] views = new GuardedMemory[owners.size()];
        WasiHost[] hosts = new WasiHost[owners.size()];
        Map<String, LinkedModule> linked = new HashMap<>();
        try {
            for (int k = 0; k < owners.size(); k++) {
                FusedMap.Owner o = owners.get(k);
                RunModule m = set.module(o.name());
                if (m == null) {
                    throw new SetupException("fused.wasm holds module '" + o.name() + "', which the linked set does not");
                }
                WriteCheck check = new WriteCheck(o.name(), ownership, sink, () -> ownName(locator.locate(), o.name()),
                        Instantiator.stackPointer(self, o.stackPointer()));
                views[k] = new GuardedMemory(shared, check, i -> Instantiator.segmentName(pm, i));
                hosts[k] = new WasiHost(m, console);
                StackGuard guard = StackGuard.of(o.name(), pm, o.name() + ":"); // its glue is among its functions
                if (guard != null) {
                    overflows.watch(guard, locator, self::get);
                }
            }
            GuardedMemory glue = new GuardedMemory(shared, new WriteCheck(GLUE, ownership, sink, locator::locate, () -> -1),
                    i -> Instantiator.segmentName(pm, i));
            WasiMemory wasiMemory = new WasiMemory(glue);
            ImportValues.Builder imports = ImportValues.builder()
                    .addMemory(new ImportMemory(PerModuleMemories.IMPORT_MODULE, PerModuleMemories.memoryName(0), wasiMemory));
            for (int k = 0; k < views.length; k++) {
                imports.addMemory(new ImportMemory(PerModuleMemories.IMPORT_MODULE, PerModuleMemories.memoryName(k + 1), views[k]));
            }
            for (Import i : pm.sections.imports) {
                if (i.kind() == ExternalKind.FUNC) {
                    imports.addFunction(wasi(i, v, hosts, views, wasiMemory, locator));
                }
            }
            Instance.Builder builder = Instance.builder(wm)
                    .withImportValues(imports.build())
                    .withMachineFactory(Machines.factory(options.engine(), wm, "fused", 0, locator, notes))
                    .withUnsafeExecutionListener(locator)
                    .withStart(false);
            String stuck = null;
            WasiHost.Output mark = hosts[0].mark();
            Watchdog.Outcome<Instance> built = overflows.explain(Watchdog.run("fused.wasm " + Validator.INSTANTIATE,
                    options.stepTimeoutMillis(), () -> {
                        Instance inst = builder.build(); // the start function (each module's start) runs here
                        self.set(inst);
                        return inst;
                    }));
            if (built.error() != null || built.timedOut()) {
                results.add(Outcomes.unchecked("fused", Validator.INSTANTIATE, built, options.stepTimeoutMillis(),
                        hosts[0], mark));
                stuck = built.stopped() ? null : "fused.wasm " + Validator.INSTANTIATE;
            } else {
                Instance inst = built.value();
                for (int k = 0; k < owners.size() && stuck == null; k++) {
                    String name = owners.get(k).name();
                    WasiHost.Output before = hosts[k].mark();
                    Watchdog.Outcome<Instance> init = overflows.explain(Watchdog.run(name + " " + Validator.INSTANTIATE,
                            options.stepTimeoutMillis(), () -> Validator.initialized(inst, pm, name + ".")));
                    if (init.error() == null && !init.timedOut()) {
                        linked.put(name, new LinkedModule(name, inst, hosts[k]));
                    } else {
                        results.add(Outcomes.unchecked(name, Validator.INSTANTIATE, init, options.stepTimeoutMillis(),
                                hosts[k], before));
                        stuck = init.stopped() ? null : name + " " + Validator.INSTANTIATE;
                    }
                }
            }
            StepRunner runner = new StepRunner(linked, set, options.stepTimeoutMillis(), overflows,
                    new HostSteps(shared, new WriteCheck(Ownership.HOST, ownership, sink, () -> null, () -> -1)),
                    (module, export) -> module + "." + export);
            runner.runAll(steps, stuck, results);
        } finally {
            for (WasiHost h : hosts) {
                if (h != null) {
                    h.close();
                }
            }
        }
        if (sink.dropped() > 0) {
            notes.add(sink.dropped() + " more violation(s) were not listed (limit " + Violations.LIMIT + ")");
        }
        return new RunReport(results, sink.list(), notes, console.bytes());
    }

    /**
     * A WASI import of the fused module: it finds the module whose function called it, points memory 0
     * at that module's view and calls that module's own WASI host.
     */
    private static HostFunction wasi(Import i, PerModuleMemories.Variant v, WasiHost[] hosts, GuardedMemory[] views,
                                     WasiMemory wasiMemory, FunctionLocator locator) {
        if (!i.module().equals(WasiHost.MODULE)) {
            throw new SetupException("fused.wasm imports function " + i.fullName()
                    + ", which no module of the set provides (the validator gives only WASI)");
        }
        HostFunction[] perModule = new HostFunction[hosts.length];
        for (int k = 0; k < hosts.length; k++) {
            perModule[k] = hosts[k].function(i.name());
            if (perModule[k] == null) {
                throw new SetupException("fused.wasm imports " + i.fullName() + ", which Chicory's WASI preview 1 does not have");
            }
        }
        return new HostFunction(i.module(), i.name(), perModule[0].functionType(), (instance, args) -> {
            int caller = locator.currentFunction();
            int k = v.ownerOf(caller);
            if (k < 0) {
                throw new IllegalStateException("WASI " + i.name() + " called from function " + caller
                        + ", which belongs to no module of the fused set");
            }
            Memory previous = wasiMemory.use(views[k]);
            try {
                return perModule[k].handle().apply(instance, args);
            } finally {
                wasiMemory.use(previous);
            }
        });
    }

    /** The function as the module calls it: the fused name section prefixes it with {@code module:}. */
    private static FunctionLocator.Where ownName(FunctionLocator.Where w, String module) {
        String f = w.function();
        return f.startsWith(module + ":") ? new FunctionLocator.Where(f.substring(module.length() + 1), w.via()) : w;
    }
}
