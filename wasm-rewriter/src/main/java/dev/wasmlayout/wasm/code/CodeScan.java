package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one pass over a module's code, made while it is parsed. Decodes every function body, so an unknown opcode or a truncated body is reported on read, and
 * refuses {@code memory.init}/{@code data.drop} in a module without a data count section (the spec
 * makes that malformed: a one-pass decoder must know the number of segments before the code).
 */
public final class CodeScan {
    private CodeScan() {
    }

    /** Sees one instruction: the body it is in, its opcode and the file offset of its first byte. */
    interface OpcodeVisitor {
        void visit(FunctionBody body, Opcode opcode, int offset);
    }

    /** A memory.grow or memory.size: the function index, the opcode and its file offset. */
    public record GrowOp(int function, Opcode opcode, int offset) {
    }

    /** What the pass over the code found: memory.grow/memory.size sites and exception-handling instructions. */
    public record Findings(List<GrowOp> growOps, ExceptionUse exceptions) {
    }

    /**
     * Checks every body and returns where memory.grow and memory.size occur and which
     * exception-handling instructions it uses, so inspection does not have to decode the code a
     * second time to find them.
     */
    public static Findings check(WasmModule module, ModuleSections sections) {
        // the visitor runs on several threads at once (forEachOpcode): the list is synchronized and sorted after
        List<GrowOp> grow = Collections.synchronizedList(new ArrayList<>());
        ExceptionUse exceptions = new ExceptionUse();
        forEachOpcode(module, sections, (body, op, offset) -> {
            if ((op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP) && sections.dataCount < 0) {
                throw WasmException.malformed(offset, "code", "data count section required (" + op.mnemonic()
                        + " in function " + body.index() + ")");
            }
            if (op == Opcode.MEMORY_GROW || op == Opcode.MEMORY_SIZE) {
                grow.add(new GrowOp(body.index(), op, offset));
            } else if (op.feature() == Feature.EXCEPTION_HANDLING || op.feature() == Feature.LEGACY_EXCEPTION_HANDLING) {
                exceptions.record(body.index(), op, offset);
            }
        });
        List<GrowOp> inFileOrder = new ArrayList<>(grow);
        inFileOrder.sort(Comparator.comparingInt(GrowOp::offset));
        return new Findings(Collections.unmodifiableList(inFileOrder), exceptions);
    }

    /** Below this much code one thread is as fast as several (starting them costs more than they save). */
    private static final int PARALLEL_BYTES = 1 << 20;
    /** Bodies per chunk so the threads finish at about the same time: a few chunks per core. */
    private static final int CHUNKS_PER_CORE = 4;

    /**
     * Visits every instruction of every body, with the reader's checks but without building the
     * instructions: this runs over all the code of the module on every parse. Each body is visited
     * in order, but a module of a megabyte or more of code is split into runs of bodies scanned on
     * every core (each body is independent), so the visitor must be thread-safe. A malformed module
     * fails as the sequential scan would: with the error of the first bad body in file order.
     */
    static void forEachOpcode(WasmModule module, ModuleSections sections, OpcodeVisitor visitor) {
        List<FunctionBody> bodies = sections.bodies;
        long codeBytes = bodies.isEmpty() ? 0 : (long) bodies.get(bodies.size() - 1).end() - bodies.get(0).start();
        int cores = Runtime.getRuntime().availableProcessors();
        if (codeBytes < PARALLEL_BYTES || cores < 2 || bodies.size() < 2) {
            scan(module, bodies, 0, bodies.size(), visitor);
            return;
        }
        int[] bounds = chunks(bodies, codeBytes, Math.min(bodies.size(), cores * CHUNKS_PER_CORE));
        RuntimeException[] failures = new RuntimeException[bounds.length - 1];
        IntStream.range(0, bounds.length - 1).parallel().forEach(c -> {
            try {
                scan(module, bodies, bounds[c], bounds[c + 1], visitor);
            } catch (RuntimeException e) {
                failures[c] = e;
            }
        });
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
    }

    /** Chunk boundaries (body indices, first 0, last bodies.size()) of about equal bytes each. */
    private static int[] chunks(List<FunctionBody> bodies, long codeBytes, int count) {
        int[] bounds = new int[count + 1];
        long per = codeBytes / count + 1;
        long start = bodies.get(0).start();
        int c = 1;
        for (int i = 0; i < bodies.size() && c < count; i++) {
            if (bodies.get(i).start() - start >= per * c) {
                bounds[c++] = i;
            }
        }
        while (c <= count) {
            bounds[c++] = bodies.size();
        }
        return bounds;
    }

    private static void scan(WasmModule module, List<FunctionBody> bodies, int from, int to, OpcodeVisitor visitor) {
        for (int i = from; i < to; i++) {
            FunctionBody b = bodies.get(i);
            ByteReader r = new ByteReader(module.bytes(), b.codeStart(), b.end(), "code");
            InstructionReader insns = InstructionReader.forFunctionBody(r);
            while (insns.hasNext()) {
                int at = r.pos();
                visitor.visit(b, insns.skip(), at);
            }
        }
    }
}
