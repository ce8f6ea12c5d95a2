package dev.wasmlayout.bench;

import dev.wasmlayout.linker.LinkJob;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code link} and {@code link --fuse} of the generated 8-module set (benchmarks/gen/build-set.sh), in
 * process and without writing: the difference is what fusing costs, one more pass over the patched bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FuseBenchmark {
    /** The set's manifest; relative paths are taken from the directory JMH was started in. */
    @Param("benchmarks/target/gen/set/wasm-layout.yaml")
    public String manifest;

    @Benchmark
    public LinkJob.Linked link() {
        return LinkJob.prepare(new LinkJob.Request(Path.of(manifest), Path.of("target/fuse-bench"), false, Set.of()));
    }

    @Benchmark
    public LinkJob.Linked linkFuse() {
        return LinkJob.prepare(new LinkJob.Request(Path.of(manifest), Path.of("target/fuse-bench"), false, Set.of(), true, false));
    }
}
