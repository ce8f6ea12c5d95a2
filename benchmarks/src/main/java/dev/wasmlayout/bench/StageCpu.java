package dev.wasmlayout.bench;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.patch.Patcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The stages of {@code RelocateBenchmark} timed in this thread's CPU time instead of wall clock, so
 * other processes on a shared machine hardly change the numbers (JMH's wall clock grows with the
 * load). Median over the measured rounds, after warm-up rounds; MB/s from the file size.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wasmlayout.bench.StageCpu [WASM] [ROUNDS]
 * </pre>
 */
public final class StageCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageCpu() {
    }

    public static void main(String[] args) {
        LargeModule m = new LargeModule();
        m.wasm = args.length > 0 ? args[0] : m.wasm;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        m.load();
        double mb = m.bytes.length / 1e6;
        System.out.printf("%s: %.1f MB, %d rounds after %d warm-up rounds, median thread CPU time%n", m.wasm, mb, rounds, rounds);
        report("parse", mb, rounds, () -> ParsedModule.parse(m.bytes));
        report("inspect", mb, rounds, () -> Inspector.inspect("large.wasm", m.parsed));
        report("relocate", mb, rounds, () -> Patcher.patch(m.parsed, m.facts, PatchStrategy.RELOCATE, m.placement));
        report("pipeline", mb, rounds, () -> {
            ParsedModule p = ParsedModule.parse(m.bytes);
            ModuleFacts f = Inspector.inspect("large.wasm", p);
            return Patcher.patch(p, f, PatchStrategy.RELOCATE, m.placement);
        });
    }

    private static void report(String name, double mb, int rounds, Supplier<Object> op) {
        long[] ns = new long[rounds];
        Object sink = null;
        for (int i = 0; i < rounds; i++) {
            sink = op.get();
        }
        for (int i = 0; i < rounds; i++) {
            long t = THREADS.getCurrentThreadCpuTime();
            sink = op.get();
            ns[i] = THREADS.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(ns);
        double ms = ns[rounds / 2] / 1e6;
        System.out.printf("%-9s %7.2f ms  %6.0f MB/s  (fastest %.2f ms)%s%n", name, ms, mb / (ms / 1e3), ns[0] / 1e6,
                sink == null ? "?" : "");
    }
}
