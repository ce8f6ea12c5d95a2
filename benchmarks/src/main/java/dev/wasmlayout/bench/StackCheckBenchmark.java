package dev.wasmlayout.bench;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasi.WasiPreview1_ModuleFactory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The stack check's run-time cost: stackheavy.c (resources/stackheavy: a recursive-descent evaluator and a
 * recursive merge sort, nearly every call taking a stack frame) linked twice by {@code wasm-layout link}, with
 * the check ({@code checked}) and with {@code stack-check: false} ({@code unchecked}), each run in Chicory's
 * compiler with its own imported memory. Parsing and compiling happen once per trial; one op = instantiate
 * and run {@code _start} (20 rounds) to its exit. run.sh links both first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StackCheckBenchmark {
    /** Where {@code link benchmarks/src/main/resources/stackheavy/wasm-layout.yaml} wrote the checked set. */
    @Param("benchmarks/target/gen/stackheavy-checked")
    public String checkedDir;

    /** The same with {@code wasm-layout.unchecked.yaml}. */
    @Param("benchmarks/target/gen/stackheavy-unchecked")
    public String uncheckedDir;

    private Prepared checked;
    private Prepared unchecked;

    record Prepared(WasmModule module, Function<Instance, Machine> machine, int initialPages, int maxPages) {}

    @Setup(Level.Trial)
    public void load() throws IOException {
        checked = prepare(Path.of(checkedDir), "Checked");
        unchecked = prepare(Path.of(uncheckedDir), "Unchecked");
        String a = run(checked);
        String b = run(unchecked);
        if (!a.equals(b) || !a.startsWith("stackheavy: 20 rounds, checksum ")) {
            throw new IllegalStateException("checked and unchecked stackheavy printed different output:\n" + a + "\n---\n" + b);
        }
    }

    private static Prepared prepare(Path dir, String tag) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve("stackheavy.wasm"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.toAbsolutePath() + " (run benchmarks/run.sh, which links it)", e);
        }
        String layout = Files.readString(dir.resolve("layout.json"));
        WasmModule m = Parser.parse(bytes);
        Function<Instance, Machine> machine = MachineFactoryCompiler.builder(m)
                .withClassName("dev.wasmlayout.bench.gen.Stack" + tag)
                .withInterpreterFallback(InterpreterFallback.FAIL).compile();
        return new Prepared(m, machine, intField(layout, "initialPages"), intField(layout, "maxPages"));
    }

    private static int intField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("layout.json has no " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Instantiates the module in a fresh memory and runs _start to its exit; returns what it printed. */
    private static String run(Prepared p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(new byte[0])).withStdout(out).withStderr(out)
                .withArguments(List.of("stackheavy", "20")).build()).build();
        ImportValues imports = ImportValues.builder()
                .addFunction(WasiPreview1_ModuleFactory.toHostFunctions(wasi, "wasi_snapshot_preview1"))
                .addMemory(new ImportMemory("env", "memory", new ByteArrayMemory(new MemoryLimits(p.initialPages(),
                        p.maxPages()))))
                .build();
        try {
            Instance.builder(p.module()).withImportValues(imports).withMachineFactory(p.machine())
                    .withStart(false).build().export("_start").apply();
        } catch (WasiExitException e) {
            if (e.exitCode() != 0) {
                throw new IllegalStateException("stackheavy exited with " + e.exitCode(), e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String checked() {
        return run(checked);
    }

    @Benchmark
    public String unchecked() {
        return run(unchecked);
    }
}
