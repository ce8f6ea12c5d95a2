package dev.wasmlayout.bench;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasi.WasiPreview1_ModuleFactory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmlayout.validator.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The runtime cost of linking: a footprint sample module as built ({@code original}, its own
 * memory) against the same module as {@code wasm-layout link} wrote it ({@code linked}, importing
 * a plain {@link ByteArrayMemory} with the plan's limits), both in plain Chicory with WASI, no
 * watching. Parsing and (compiler) compiling happen once per trial; one op = instantiate and run
 * {@code _start} to its exit. run.sh links the sample into {@code linked} first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RuntimeCostBenchmark {
    @Param({"sieve", "checksum"})
    public String module;

    @Param({"COMPILER", "INTERPRETER"})
    public Engine engine;

    /** Where the sample's modules are, as built. */
    @Param("samples/footprint/build")
    public String originals;

    /** Where {@code wasm-layout link samples/footprint/wasm-layout.yaml -o ...} wrote the linked set. */
    @Param("benchmarks/target/gen/footprint-linked")
    public String linked;

    private Prepared original;
    private Prepared patched;
    private int initialPages;
    private int maxPages;

    record Prepared(WasmModule module, Function<Instance, Machine> machine) {}

    @Setup(Level.Trial)
    public void load() throws IOException {
        String layout = Files.readString(Path.of(linked, "layout.json"));
        initialPages = intField(layout, "initialPages");
        maxPages = intField(layout, "maxPages");
        original = prepare(Path.of(originals, module + ".wasm"), "Orig");
        patched = prepare(Path.of(linked, module + ".wasm"), "Linked");
        String a = run(original);
        String b = run(patched);
        if (!a.equals(b)) {
            throw new IllegalStateException("original and linked " + module + " printed different output:\n" + a + "\n---\n" + b);
        }
    }

    private static int intField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("layout.json has no " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    private Prepared prepare(Path file, String tag) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + " (run benchmarks/run.sh, which links it)", e);
        }
        WasmModule m = Parser.parse(bytes);
        Function<Instance, Machine> machine = engine == Engine.COMPILER
                ? MachineFactoryCompiler.builder(m).withClassName("dev.wasmlayout.bench.gen.Cost" + tag)
                        .withInterpreterFallback(InterpreterFallback.FAIL).compile()
                : InterpreterMachine::new;
        return new Prepared(m, machine);
    }

    /** Instantiates the module and runs _start to its exit; returns what it printed. */
    private String run(Prepared p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(new byte[0])).withStdout(out).withStderr(out)
                .withArguments(java.util.List.of(module)).build()).build();
        ImportValues.Builder imports = ImportValues.builder()
                .addFunction(WasiPreview1_ModuleFactory.toHostFunctions(wasi, "wasi_snapshot_preview1"));
        if (p == patched) {
            imports.addMemory(new ImportMemory("env", "memory", new ByteArrayMemory(new MemoryLimits(initialPages, maxPages))));
        }
        try {
            Instance.builder(p.module()).withImportValues(imports.build()).withMachineFactory(p.machine())
                    .withStart(false).build().export("_start").apply();
        } catch (WasiExitException e) {
            if (e.exitCode() != 0) {
                throw new IllegalStateException(module + " exited with " + e.exitCode(), e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String original() {
        return run(original);
    }

    @Benchmark
    public String linked() {
        return run(patched);
    }
}
