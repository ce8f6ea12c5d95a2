package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.wasm.ByteWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the legacy exception-handling translation: random functions nesting try,
 * catch, catch_all, delegate, rethrow, throw, br_if and calls, each recording the path it takes in a
 * global. V8 (node) runs the legacy instructions; Chicory runs them translated to try_table. Every
 * entry point must return the same trace in both. Rethrows are only generated in catch $t handlers:
 * in a catch_all handler the validator refuses them (see ExceptionHandlingTest), because Chicory
 * 1.7.5 resolves an exnref to the last exception of its tag (this test found that).
 */
class LegacyExceptionDifferentialTest {
    static int FUNCTIONS = 150;
    static int BUDGET = 40;
    private static final int TRACE = 0;   // the global that records the path
    private static final int TAG_A = 0;
    private static final int TAG_B = 1;

    @TempDir
    Path dir;

    /** One random function body (no final end), calling only functions before it. */
    private static final class Generator {
        private final Random random;
        private final int callable;
        private final ByteWriter w = new ByteWriter();
        /** Construct kinds from the function level in: 'b' block, 't' try body, 'c' catch handler. */
        private final StringBuilder frames = new StringBuilder();
        private int budget = BUDGET;

        Generator(Random random, int callable) {
            this.random = random;
            this.callable = callable;
        }

        byte[] body() {
            statements(3);
            return w.toByteArray();
        }

        private void statements(int depth) {
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n && budget-- > 0; i++) {
                statement(depth);
            }
        }

        private void log(int v) {
            // trace = trace * 31 + v
            w.u8(0x23).u32(TRACE).u8(0x41).s32(31).u8(0x6c).u8(0x41).s32(v).u8(0x6a).u8(0x24).u32(TRACE);
        }

        private void logPayload(int plus) {
            // the caught i32 is on the stack: trace = trace * 31 + payload + plus
            w.u8(0x23).u32(TRACE).u8(0x41).s32(31).u8(0x6c).u8(0x6a).u8(0x41).s32(plus).u8(0x6a).u8(0x24).u32(TRACE);
        }

        private void statement(int depth) {
            int choice = random.nextInt(depth > 0 ? 10 : 6);
            switch (choice) {
                case 0, 1 -> log(random.nextInt(100));
                case 2 -> {
                    w.u8(0x41).s32(random.nextInt(100)).u8(0x08).u32(random.nextBoolean() ? TAG_A : TAG_B); // throw
                }
                case 3 -> {
                    if (callable > 0) {
                        w.u8(0x10).u32(random.nextInt(callable));
                    } else {
                        log(7);
                    }
                }
                case 4 -> {
                    // br_if to any open label (the function's too), taken or not
                    w.u8(0x41).s32(random.nextInt(3) == 0 ? 1 : 0).u8(0x0d).u32(random.nextInt(frames.length() + 1));
                }
                case 5 -> rethrow();
                case 6 -> block(depth);
                default -> tryStatement(depth);
            }
        }

        private void rethrow() {
            List<Integer> handlers = new ArrayList<>();
            for (int i = 0; i < frames.length(); i++) {
                if (frames.charAt(frames.length() - 1 - i) == 'c') { // a catch $t handler, not catch_all's 'a'
                    handlers.add(i);
                }
            }
            if (handlers.isEmpty()) {
                log(3);
                return;
            }
            w.u8(0x09).u32(handlers.get(random.nextInt(handlers.size())));
        }

        private void block(int depth) {
            w.u8(0x02).u8(0x40);
            frames.append('b');
            statements(depth - 1);
            frames.setLength(frames.length() - 1);
            w.u8(0x0b);
        }

        private void tryStatement(int depth) {
            w.u8(0x06).u8(0x40);
            frames.append('t');
            statements(depth - 1);
            frames.setLength(frames.length() - 1);
            int form = random.nextInt(5);
            if (form == 0) {
                // delegate to any label outside the try, the function's included
                w.u8(0x18).u32(random.nextInt(frames.length() + 1));
                return;
            }
            frames.append('c');
            if (form == 1 || form == 3) {
                w.u8(0x07).u32(TAG_A);
                logPayload(1000);
                statements(depth - 1);
            }
            if (form == 2 || form == 3) {
                w.u8(0x07).u32(TAG_B);
                logPayload(2000);
                statements(depth - 1);
            }
            if (form >= 3) {
                w.u8(0x19);
                frames.setCharAt(frames.length() - 1, 'a');
                log(99);
                statements(depth - 1);
            }
            frames.setLength(frames.length() - 1);
            w.u8(0x0b);
        }
    }

    /** Functions f0..f(n-1) of type () -> (), and entries e0..e(n-1) that reset the trace, call f_k and return the trace. */
    private static byte[] module(long seed) {
        Random random = new Random(seed);
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int none = b.type(new int[0], new int[0]);
        int result = b.type(new int[0], new int[] {WasmBuilder.I32});
        int payload = b.type(new int[] {WasmBuilder.I32}, new int[0]);
        b.tag(payload);
        b.tag(payload);
        b.mutableGlobal(0);
        for (int k = 0; k < FUNCTIONS; k++) {
            b.function("f" + k, none, 0, new Generator(random, k).body());
        }
        for (int k = 0; k < FUNCTIONS; k++) {
            // trace = 1; try f_k catch A (+5000) catch B (+6000) end; trace
            ByteWriter w = new ByteWriter().u8(0x41).s32(1).u8(0x24).u32(TRACE)
                    .u8(0x06).u8(0x40).u8(0x10).u32(k)
                    .u8(0x07).u32(TAG_A).u8(0x23).u32(TRACE).u8(0x41).s32(31).u8(0x6c).u8(0x6a).u8(0x41).s32(5000).u8(0x6a).u8(0x24).u32(TRACE)
                    .u8(0x07).u32(TAG_B).u8(0x23).u32(TRACE).u8(0x41).s32(31).u8(0x6c).u8(0x6a).u8(0x41).s32(6000).u8(0x6a).u8(0x24).u32(TRACE)
                    .u8(0x0b).u8(0x23).u32(TRACE);
            int e = b.function("e" + k, result, 0, w.toByteArray());
            b.export("e" + k, e);
        }
        return b.build();
    }

    @Test
    void chicoryRunningTheTranslationAgreesWithV8RunningTheLegacyInstructions() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        for (long seed : new long[] {1, 2, 3}) {
            byte[] wasm = module(seed);
            Path file = dir.resolve("random" + seed + ".wasm");
            Files.write(file, wasm);
            List<String> v8 = node(file);
            for (Engine engine : Engine.values()) {
                List<RunStep> steps = new ArrayList<>();
                for (int k = 0; k < FUNCTIONS; k++) {
                    steps.add(RunStep.call("r", "e" + k));
                }
                RunSet set = Modules.set(List.of(Modules.module("r", wasm, Map.of())), "r");
                RunReport r = new Validator(set, Fixture.options(engine)).run(steps);
                List<String> chicory = new ArrayList<>();
                for (StepResult s : r.steps()) {
                    chicory.add(s.returned().isEmpty() ? "trap" : String.valueOf(s.returned().get(0)));
                }
                assertThat(chicory).as("seed %d, %s", seed, engine).containsExactlyElementsOf(v8);
            }
        }
    }

    /** e0..e(n-1) under node, one result per line ("trap" when one traps). */
    private List<String> node(Path file) throws Exception {
        String script = "const m = new WebAssembly.Module(require('fs').readFileSync(process.argv[1]));"
                + "const e = new WebAssembly.Instance(m, {env: {memory: new WebAssembly.Memory({initial: 1, maximum: 1})}}).exports;"
                + "const out = [];"
                + "for (let k = 0; k < " + FUNCTIONS + "; k++) { try { out.push(String(e['e' + k]())); } catch (x) { out.push('trap'); } }"
                + "console.log(out.join('\\n'));";
        Process p = new ProcessBuilder("node", "-e", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return List.of(out.strip().split("\n"));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
