package dev.wasmlayout.bench;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.patch.PatchResult;
import dev.wasmlayout.patch.Patcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One op = one pass over the large module. run.sh turns ops/s into MB/s with the file's size.
 * {@code relocate} is the strategy alone on an already parsed and inspected module; {@code parse}
 * and {@code inspect} are the steps before it; {@code pipeline} is all three from the bytes, as
 * {@code wasm-layout link} would do it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RelocateBenchmark {

    @Benchmark
    public ParsedModule parse(LargeModule m) {
        return ParsedModule.parse(m.bytes);
    }

    @Benchmark
    public ModuleFacts inspect(LargeModule m) {
        return Inspector.inspect("large.wasm", m.parsed);
    }

    @Benchmark
    public PatchResult relocate(LargeModule m) {
        return Patcher.patch(m.parsed, m.facts, PatchStrategy.RELOCATE, m.placement);
    }

    @Benchmark
    public PatchResult pipeline(LargeModule m) {
        ParsedModule p = ParsedModule.parse(m.bytes);
        return Patcher.patch(p, Inspector.inspect("large.wasm", p), PatchStrategy.RELOCATE, m.placement);
    }
}
