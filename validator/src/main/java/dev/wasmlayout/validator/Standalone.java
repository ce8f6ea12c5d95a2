package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The differential half: runs one module alone, in the memory its own bytes define (or a fresh one
 * of its import's limits), with the same arguments, environment and stdin, so the original module's
 * output can be compared with the linked one's. No ownership checks.
 */
public final class Standalone {
    private Standalone() {
    }

    /** Runs {@code _start}. */
    public static StandaloneResult run(RunModule m, Engine engine, long timeoutMillis) {
        return run(m, "_start", new long[0], engine, timeoutMillis);
    }

    /** Calls {@code export(args)} after a reactor's {@code _initialize}. */
    public static StandaloneResult run(RunModule m, String export, long[] args, Engine engine, long timeoutMillis) {
        ParsedModule pm = Validator.parse(m);
        WasmModule wm = Validator.chicoryParse(m, pm);
        try (WasiHost wasi = new WasiHost(m)) {
            ImportValues.Builder imports = ImportValues.builder();
            for (Import i : pm.sections.imports) {
                imports = add(imports, m, i, wasi);
            }
            List<String> notes = new ArrayList<>();
            Instance.Builder b = Instance.builder(wm)
                    .withImportValues(imports.build())
                    .withMachineFactory(Machines.factory(engine, wm, m.name(), 0, new FunctionLocator(pm), notes))
                    .withStart(false);
            WasiHost.Output mark = wasi.mark();
            AtomicReference<Instance> built = new AtomicReference<>();
            Watchdog.Outcome<long[]> o = Watchdog.run(m.name() + " alone", timeoutMillis, () -> {
                Instance inst = b.build();
                built.set(inst);
                Validator.initialized(inst, pm);
                if (export.equals("_initialize")) {
                    return null;
                }
                String wrong = StepRunner.checkArgs(inst, export, args);
                if (wrong != null) {
                    throw new SetupException(wrong);
                }
                return inst.export(export).apply(args);
            });
            StepResult r = Outcomes.unchecked(m.name(), export, o, timeoutMillis, wasi, mark);
            Instance inst = built.get();
            long pages = inst == null || inst.memory() == null ? -1 : inst.memory().pages();
            // an exit, whatever its code, is an end: the comparison decides whether it is the same end
            return new StandaloneResult(r.exitCode(), r.stdout(), r.stderr(), r.ending(), r.exitCode() != null ? null : r.failure(),
                    pages);
        }
    }

    private static ImportValues.Builder add(ImportValues.Builder imports, RunModule m, Import i, WasiHost wasi) {
        if (i.kind() == ExternalKind.MEMORY) {
            long max = i.memory().hasMax() ? i.memory().max() : MemoryLimits.MAX_PAGES;
            return imports.addMemory(new ImportMemory(i.module(), i.name(),
                    new ByteArrayMemory(new MemoryLimits((int) i.memory().min(), (int) max))));
        }
        HostFunction f = i.kind() == ExternalKind.FUNC && i.module().equals(WasiHost.MODULE) ? wasi.function(i.name()) : null;
        if (f == null) {
            throw new SetupException("module '" + m.name() + "' imports " + i.kind().word() + " " + i.fullName()
                    + " and cannot run alone (only WASI and a memory can be provided)");
        }
        return imports.addFunction(f);
    }
}
