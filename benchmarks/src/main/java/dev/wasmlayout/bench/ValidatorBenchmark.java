package dev.wasmlayout.bench;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.validator.DumpStep;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.OwnedRegion;
import dev.wasmlayout.validator.RunModule;
import dev.wasmlayout.validator.RunReport;
import dev.wasmlayout.validator.RunSet;
import dev.wasmlayout.validator.RunStep;
import dev.wasmlayout.validator.Validator;
import dev.wasmlayout.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of watching: {@code watched} is {@link Validator#run} of the store-heavy module
 * (resources/workload/stores.c) with its data and stack as its regions; {@code unwatched} is the
 * same module in plain Chicory over a plain {@link ByteArrayMemory}. Both do the whole job every op
 * (parse, compile when the engine is the compiler, instantiate, call {@code run(rounds)}), as a
 * validator run does; the work per op is long enough for that fixed part to be small.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ValidatorBenchmark {
    static final String MODULE = "stores";

    @Param({"COMPILER", "INTERPRETER"})
    public Engine engine;

    /** The argument of {@code run}: rounds of work per op; "auto" makes an op take about half a second. */
    @Param("auto")
    public String rounds;

    private byte[] wasm;
    private RunSet set;
    /** The same, plus a heap region wider than stack and data that the workload never writes. */
    private RunSet heapWidest;
    private ValidatorOptions options;
    private long work;

    @Setup(Level.Trial)
    public void load() {
        try (InputStream in = ValidatorBenchmark.class.getResourceAsStream("/workload/stores.wasm")) {
            wasm = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the interpreter is far slower: fewer rounds keep an op near the compiler's duration
        work = !rounds.equals("auto") ? Long.parseLong(rounds) : engine == Engine.COMPILER ? 30_000 : 600;
        ModuleFacts f = Inspector.inspect(MODULE, wasm);
        set = new RunSet("env", "memory", f.memory().minPages(), f.memory().maxPages(), List.of(RunModule.of(MODULE, wasm)),
                List.of(new OwnedRegion(MODULE + ".stack", OwnedRegion.STACK, MODULE, f.stack().low(), f.stack().high(), Set.of()),
                        new OwnedRegion(MODULE + ".data", OwnedRegion.DATA, MODULE, f.data().start(), f.data().end(), Set.of())));
        List<OwnedRegion> withHeap = new ArrayList<>(set.regions());
        withHeap.add(new OwnedRegion(MODULE + ".heap", OwnedRegion.HEAP, MODULE, 0x10000, 0x30000, Set.of()));
        heapWidest = new RunSet("env", "memory", f.memory().minPages(), f.memory().maxPages(), set.modules(), withHeap);
        options = ValidatorOptions.defaults().withEngine(engine).withStepTimeoutMillis(600_000);
        sameMemoryBothWays(f);
    }

    /** Both ways must leave the same bytes in the module's data, and the watched run must be clean. */
    private void sameMemoryBothWays(ModuleFacts f) {
        try {
            Path dump = Files.createTempFile("stores", ".bin");
            try {
                int size = (int) (f.data().end() - f.data().start());
                RunReport r = new Validator(set, options).run(List.of(RunStep.call(MODULE, "run", work),
                        new DumpStep(f.data().start(), size, dump)));
                if (r.exitStatus() != 0) {
                    throw new IllegalStateException("the workload should run clean: " + r);
                }
                Instance plain = instance();
                plain.export("run").apply(work);
                if (!Arrays.equals(Files.readAllBytes(dump), plain.memory().readBytes((int) f.data().start(), size))) {
                    throw new IllegalStateException("watched and unwatched runs left different data");
                }
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public RunReport watched() {
        return runClean(set);
    }

    /**
     * As {@code watched}, but the module's widest range is a heap it never writes (as when a module's
     * heap outsizes its stack and data): a view tests the heap inline first, and the first store
     * outside it makes stack and data the range tested inline from then on.
     */
    @Benchmark
    public RunReport watchedHeapWidest() {
        return runClean(heapWidest);
    }

    private RunReport runClean(RunSet s) {
        RunReport r = new Validator(s, options).run(List.of(RunStep.call(MODULE, "run", work)));
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("the workload should run clean: " + r);
        }
        return r;
    }

    @Benchmark
    public long unwatched() {
        return instance().export("run").apply(work)[0];
    }

    /** The module in plain Chicory: parsed, compiled (with the compiler engine) and instantiated. */
    private Instance instance() {
        WasmModule module = Parser.parse(wasm);
        Instance.Builder b = Instance.builder(module)
                .withImportValues(ImportValues.builder()
                        .addMemory(new ImportMemory("env", "memory", new ByteArrayMemory(
                                new MemoryLimits((int) set.initialPages(), (int) set.maxPages()))))
                        .build());
        if (engine == Engine.COMPILER) {
            b.withMachineFactory(MachineFactoryCompiler.builder(module).withClassName("dev.wasmlayout.bench.gen.Stores")
                    .withInterpreterFallback(InterpreterFallback.FAIL).compile());
        } else {
            b.withMachineFactory(InterpreterMachine::new);
        }
        return b.build();
    }
}
