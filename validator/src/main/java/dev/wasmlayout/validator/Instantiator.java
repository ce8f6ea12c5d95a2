package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** Builds one instance of the set: its guarded view of the shared memory, WASI, and links to its providers. */
final class Instantiator {
    private final Console console;

    private final RunSet set;
    private final Engine engine;
    private final SharedMemory shared;
    private final Ownership ownership;
    private final Violations sink;
    private final List<String> notes;
    private final StackOverflows overflows;

    Instantiator(RunSet set, Engine engine, SharedMemory shared, Ownership ownership, Violations sink, List<String> notes,
                 Console console, StackOverflows overflows) {
        this.console = console;
        this.overflows = overflows;
        this.set = set;
        this.engine = engine;
        this.shared = shared;
        this.ownership = ownership;
        this.sink = sink;
        this.notes = notes;
    }

    /**
     * Everything but running code: compiles (when asked) and wires the imports. The returned action
     * instantiates, which writes the data segments and may run code, so the caller runs it under the watchdog.
     */
    Pending prepare(int index, RunModule m, ParsedModule pm, WasmModule wm, Map<String, LinkedModule> providers) {
        FunctionLocator locator = new FunctionLocator(pm);
        AtomicReference<Instance> self = new AtomicReference<>();
        WriteCheck check = new WriteCheck(m.name(), ownership, sink, locator::locate,
                stackPointer(self, stackPointerGlobal(m.name(), pm)));
        GuardedMemory view = new GuardedMemory(shared, check, i -> segmentName(pm, i));
        StackGuard guard = StackGuard.of(m.name(), pm);
        if (guard != null) {
            overflows.watch(guard, locator, self::get);
        }
        WasiHost wasi = new WasiHost(m, console);
        ImportValues.Builder imports = ImportValues.builder()
                .addMemory(new ImportMemory(set.memoryModule(), set.memoryName(), view));
        for (Import i : pm.sections.imports) {
            if (i.kind() == ExternalKind.FUNC) {
                imports.addFunction(function(m, i, wasi, providers));
            }
        }
        Instance.Builder builder = Instance.builder(wm)
                .withImportValues(imports.build())
                .withMachineFactory(Machines.factory(engine, wm, m.name(), index, locator, notes))
                .withUnsafeExecutionListener(locator)
                .withStart(false);
        return new Pending(m.name(), wasi, () -> {
            Instance inst = builder.build();
            self.set(inst);
            return inst;
        });
    }

    /** An instance ready to be built; {@code wasi} must be closed whatever happens. */
    record Pending(String name, WasiHost wasi, Callable<Instance> build) {
    }

    private ImportFunction function(RunModule m, Import i, WasiHost wasi, Map<String, LinkedModule> providers) {
        if (i.module().equals(WasiHost.MODULE)) {
            HostFunction f = wasi.function(i.name());
            if (f == null) {
                throw new SetupException("module '" + m.name() + "' imports " + i.fullName()
                        + ", which Chicory's WASI preview 1 does not have");
            }
            return f;
        }
        String provider = m.functionImports().getOrDefault(i.module(), i.module());
        LinkedModule p = providers.get(provider);
        if (p == null) {
            throw new SetupException("module '" + m.name() + "' imports " + i.fullName() + " from module '" + provider
                    + "', which could not be instantiated");
        }
        return ImportFunction.exportAsImport(i.module(), i.name(), p.instance(), i.name());
    }

    /** The module's __stack_pointer global, found by the rewriter's inspection, or -1. */
    private int stackPointerGlobal(String name, ParsedModule pm) {
        try {
            return Inspector.inspect(name, pm).stack().pointerGlobal();
        } catch (RuntimeException e) {
            notes.add("module '" + name + "': stack pointer not found (" + e.getMessage()
                    + "); stack overflows are reported by address only");
            return -1;
        }
    }

    static LongSupplier stackPointer(AtomicReference<Instance> self, int global) {
        return () -> {
            Instance inst = self.get();
            return inst == null || global < 0 ? -1 : inst.global(global).getValue() & 0xffffffffL;
        };
    }

    static String segmentName(ParsedModule pm, int index) {
        String n = pm.names != null ? pm.names.dataSegments().get(index) : null;
        return "data segment " + (n != null ? n : Integer.toString(index));
    }
}
