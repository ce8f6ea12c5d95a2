package dev.wasmlayout.bench;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.MemorySpec;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.planner.ModuleNeeds;
import dev.wasmlayout.planner.Plan;
import dev.wasmlayout.planner.Planner;
import dev.wasmlayout.source.Sizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
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
 * A fresh plan for N modules (random stack, heap, data size and alignment, seeded) and N/100 shared
 * buffers, built in code: the planner's time and (with {@code -prof gc}) allocation as N grows.
 * 100,000 modules allocate about 260 MB per plan: the heap is fixed so every run has the same room.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class PlannerBenchmark {
    private static final long[] ALIGNS = {0, 1, 4, 8, 16, 64, 1024, 4096};

    @Param({"100", "1000", "10000", "100000"})
    public int modules;

    private Manifest manifest;
    private List<ModuleNeeds> needs;

    @Setup(Level.Trial)
    public void build() {
        Random random = new Random(42);
        List<ModuleSpec> specs = new ArrayList<>(modules);
        needs = new ArrayList<>(modules);
        for (int i = 0; i < modules; i++) {
            String name = "m" + i;
            specs.add(new ModuleSpec(name, name + ".wasm", Path.of(name + ".wasm"), OptionalLong.of(1024 + random.nextInt(4096)),
                    OptionalLong.of(random.nextInt(8192)), Map.of(), false, Optional.empty(), null));
            needs.add(new ModuleNeeds(name, random.nextInt(5000), ALIGNS[random.nextInt(ALIGNS.length)], 0, 65536,
                    Strategy.RELOCATE));
        }
        List<SharedSpec> shared = new ArrayList<>();
        for (int i = 0; i < Math.max(1, modules / 100); i++) {
            shared.add(new SharedSpec("s" + i, OptionalLong.empty(), 1 + random.nextInt(10_000), 1L << random.nextInt(13),
                    List.of(), List.of(), null));
        }
        manifest = new Manifest(Path.of("wasm-layout.yaml"), new MemorySpec("env.memory", Sizes.MAX, 1024, null),
                List.of(), shared, specs, List.of());
    }

    @Benchmark
    public Plan plan() {
        return Planner.plan(manifest, needs);
    }
}
