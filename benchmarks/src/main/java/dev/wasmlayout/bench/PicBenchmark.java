package dev.wasmlayout.bench;

import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.inspect.Inspector;
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
 * The pic strategy on the generated libc-free PIC side module (benchmarks/gen/build-set.sh,
 * target/gen/pic.wasm; run with {@code -p wasm=benchmarks/target/gen/pic.wasm}). One op = one pass
 * over the module; run.sh turns ops/s into MB/s with the file's size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PicBenchmark {

    @Benchmark
    public PatchResult pic(LargeModule m) {
        return Patcher.patch(m.parsed, m.facts, PatchStrategy.PIC, m.placement);
    }

    @Benchmark
    public PatchResult picPipeline(LargeModule m) {
        ParsedModule p = ParsedModule.parse(m.bytes);
        return Patcher.patch(p, Inspector.inspect("pic.wasm", p), PatchStrategy.PIC, m.placement);
    }
}
