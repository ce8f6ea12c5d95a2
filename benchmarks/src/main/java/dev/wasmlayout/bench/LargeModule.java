package dev.wasmlayout.bench;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.patch.Placement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The large generated module (benchmarks/gen/build.sh), read, parsed and inspected once per fork,
 * (or benchmarks/gen/build-set.sh's PIC module, target/gen/pic.wasm, for {@link PicBenchmark}),
 * and where the benchmarks move it: data at 1 MiB, a 64 KiB stack above it, then a 1 MiB heap.
 */
@State(Scope.Benchmark)
public class LargeModule {
    private static final long PAGE = dev.wasmlayout.wasm.WasmModule.PAGE_SIZE;
    static final long DATA_AT = 1L << 20;

    /** The module; relative paths are taken from the directory JMH was started in. */
    @Param("benchmarks/target/gen/large.wasm")
    public String wasm;

    byte[] bytes;
    ParsedModule parsed;
    ModuleFacts facts;
    Placement placement;

    @Setup(Level.Trial)
    public void load() {
        Path file = Path.of(wasm);
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": run benchmarks/gen/build.sh first", e);
        }
        parsed = ParsedModule.parse(bytes);
        facts = Inspector.inspect(file.getFileName().toString(), parsed);
        if (!facts.relocations().trusted() && !"pic".equals(facts.preferredStrategy())) {
            throw new IllegalStateException(wasm + ": relocations are " + facts.relocations().verdict());
        }
        placement = placement(facts);
    }

    static Placement placement(ModuleFacts f) {
        long dataEnd = DATA_AT + f.data().size();
        long stackLow = (dataEnd + 15) & ~15L;
        long stackHigh = stackLow + PAGE;
        long heapEnd = (stackHigh + (1L << 20) + PAGE - 1) / PAGE * PAGE;
        return new Placement("env", "memory", heapEnd / PAGE, heapEnd / PAGE, DATA_AT, dataEnd, stackLow, stackHigh,
                stackHigh, heapEnd, Map.of(), Map.of());
    }
}
