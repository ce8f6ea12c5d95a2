package dev.wasmlayout.eh;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.InstructionWriter;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the legacy exception-handling instructions (try, catch, catch_all, rethrow, delegate) into
 * the final proposal's (try_table, throw_ref, exnref), so an engine that runs only the final one
 * (Chicory) can run what clang 19 emits for setjmp/longjmp and C++ exceptions. Binaryen's
 * TranslateToExnref does the same; this is written from the two proposals' semantics:
 *
 * <pre>
 * try bt A catch $t B catch_all C end
 *   =>  block $outer bt
 *         block $c1 (P -> [])               ;; catch_all's label (catch_all_ref: [exnref])
 *           block $c0 (P -> t's params)     ;; catch $t's label (catch_ref: params + exnref)
 *             try_table bt (catch $t 0) (catch_all 1)  A  end
 *             br $outer
 *           end  B  br $outer
 *         end  C
 *       end
 * </pre>
 * A {@code rethrow} in a {@code catch $t} handler throws the payload, kept in new locals, again
 * with {@code $t} (to the code that catches it, the same exception); in a catch_all handler it
 * becomes {@code local.get; throw_ref} of the exnref that catch_all_ref kept ({@link
 * Translation#firstExnrefRethrow()} says where, because Chicory 1.7.5 resolves an exnref to the
 * last exception thrown with its tag in the instance, not to the one caught). {@code try A delegate l} becomes a try_table
 * whose catch_all_ref goes to a block {@code $d} wrapped around the child of label l that holds it,
 * followed by throw_ref: the exception is thrown again right inside label l's construct, which is
 * what delegate means (its handlers apply when l is a try body; the caller's when l is the function).
 * Branch depths are recomputed for the labels added. Nesting is tracked on arrays, never on the
 * Java stack. Bodies without legacy instructions, and every other section but the type section
 * (block types with several values need new function types, appended), are copied as they are;
 * function, global, tag and type indices do not change.
 */
public final class LegacyExceptionTranslator {
    private static final int EMPTY = -64;

    private final ParsedModule module;
    private final ModuleSections s;
    private final List<FuncType> addedTypes = new ArrayList<>();
    private final Map<FuncType, Integer> typeIndex = new HashMap<>();
    private int firstExnrefRethrow = -1;

    /** The translated module, and the file offset of the first rethrow that became a throw_ref of a kept exnref (-1: none). */
    public record Translation(byte[] bytes, int firstExnrefRethrow) {
    }

    private LegacyExceptionTranslator(ParsedModule module) {
        this.module = module;
        this.s = module.sections;
        for (int i = s.types.size() - 1; i >= 0; i--) {
            typeIndex.put(s.types.get(i), i); // the first of equal types wins
        }
    }

    /** The module with every legacy instruction translated, or the module's own bytes when it has none. */
    public static byte[] translate(ParsedModule module) {
        return translation(module).bytes();
    }

    /** As {@link #translate}, saying also whether a rethrow needed a kept exnref. */
    public static Translation translation(ParsedModule module) {
        if (!module.exceptions.legacy()) {
            return new Translation(module.bytes(), -1);
        }
        LegacyExceptionTranslator t = new LegacyExceptionTranslator(module);
        byte[] bytes = t.run();
        return new Translation(bytes, t.firstExnrefRethrow);
    }

    private byte[] run() {
        ModuleEditor editor = new ModuleEditor(module.module, s.bodies);
        byte[] bytes = module.bytes();
        for (FunctionBody b : s.bodies) {
            List<Instruction> code = InstructionReader.forFunctionBody(new ByteReader(bytes, b.codeStart(), b.end(), "code")).readAll();
            if (code.stream().anyMatch(i -> i.opcode().isLegacyExceptionHandling())) {
                editor.replaceBody(b.index(), new Body(b, code).translate());
            }
        }
        if (!addedTypes.isEmpty()) {
            editor.setStandard(SectionIds.TYPE, typeSection());
        }
        return editor.write();
    }

    /** The original type section's entries, then the added function types. */
    private byte[] typeSection() {
        ByteWriter w = new ByteWriter();
        w.u32(s.types.size() + addedTypes.size());
        var section = module.module.section(SectionIds.TYPE).orElse(null);
        if (section != null) {
            ByteReader r = section.payload(module.bytes());
            r.u32();
            w.bytes(module.bytes(), r.pos(), section.end() - r.pos());
        }
        for (FuncType t : addedTypes) {
            t.write(w);
        }
        return w.toByteArray();
    }

    /** The s33 block type for {@code params -> results}: a single-byte form when there is one, else a type index. */
    private long blockType(int[] params, int[] results) {
        if (params.length == 0 && results.length == 0) {
            return EMPTY;
        }
        if (params.length == 0 && results.length == 1) {
            return results[0] - 128;
        }
        FuncType t = new FuncType(params, results);
        Integer index = typeIndex.get(t);
        if (index == null) {
            index = s.types.size() + addedTypes.size();
            addedTypes.add(t);
            typeIndex.put(t, index);
        }
        return index;
    }

    private FuncType resolve(long bt, int offset) {
        if (bt == EMPTY) {
            return new FuncType(new int[0], new int[0]);
        }
        if (bt < 0) {
            return new FuncType(new int[0], new int[] {(int) bt + 128});
        }
        if (bt >= s.types.size()) {
            throw WasmException.invalid(offset, "code", "block type index " + bt + " is not a type");
        }
        return s.types.get((int) bt);
    }

    private static int[] append(int[] values, int more) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = more;
        return out;
    }

    /** What the first pass learns about a construct, by the index of the instruction that opens it. */
    private static final class Construct {
        /** Tag index of every catch in order, -1 for catch_all. */
        final List<Integer> catches = new ArrayList<>();
        /** Handlers (by position among the catches) that contain a rethrow of this try's exception. */
        final java.util.BitSet rethrownIn = new java.util.BitSet();
        /** For each rethrown catch $t handler: the locals its payload is kept in, by handler position. */
        final Map<Integer, int[]> payloadLocals = new HashMap<>();
        /** A delegate throws again right inside this construct's parent: wrap it in $skip and $d. */
        boolean wrapped;
        /** For a try that ends in delegate: the opener of the construct whose $d catches what escapes it. */
        int delegateTo = -1;
        /** Local that holds the exnref a rethrown catch_all handler caught. */
        int exnLocal = -1;

        /** Handler k keeps an exnref: a catch_all whose exception is rethrown (a tag's payload is kept instead). */
        boolean keepsRef(int k) {
            return catches.get(k) < 0 && rethrownIn.get(k);
        }
    }

    /** One function body being translated. */
    private final class Body {
        private final FunctionBody body;
        private final List<Instruction> code;
        private final Map<Integer, Construct> constructs = new HashMap<>();

        // the construct stack of the second pass; level 0 is the function
        private int[] opener = new int[16];
        private int[] open = new int[16];        // labels the construct has open in the output
        private int[] pre = new int[16];         // of which its $skip/$d wrapper (0 or 2), outermost
        private int[] handler = new int[16];     // catches seen so far (try)
        private int depth;
        private int[] levelOf;                   // stack level of each open construct, by opener index

        Body(FunctionBody body, List<Instruction> code) {
            this.body = body;
            this.code = code;
        }

        byte[] translate() {
            survey();
            ByteWriter w = new ByteWriter(body.end() - body.localsStart() + 64);
            levelOf = new int[code.size()];
            locals(w);
            opener[0] = -1;
            open[0] = 1;
            for (int i = 0; i < code.size(); i++) {
                emit(i, code.get(i), w);
            }
            return w.toByteArray();
        }

        /** First pass: the catches of every try, which tries are rethrown, where delegates go. */
        private void survey() {
            int[] stack = new int[16];
            int top = 0;
            stack[0] = -1; // the function
            for (int i = 0; i < code.size(); i++) {
                Instruction insn = code.get(i);
                switch (insn.opcode()) {
                    case BLOCK: case LOOP: case IF: case TRY: case TRY_TABLE:
                        if (++top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top] = i;
                        constructs.put(i, new Construct());
                        break;
                    case CATCH:
                        constructs.get(stack[top]).catches.add((int) insn.value());
                        break;
                    case CATCH_ALL:
                        constructs.get(stack[top]).catches.add(-1);
                        break;
                    case RETHROW: {
                        long target = top - insn.value();
                        if (target < 1 || code.get(stack[(int) target]).opcode() != Opcode.TRY) {
                            throw WasmException.invalid(insn.offset(), "code", "rethrow " + insn.value() + " does not name a catch");
                        }
                        Construct c = constructs.get(stack[(int) target]);
                        c.rethrownIn.set(c.catches.size() - 1); // the handler being read
                        break;
                    }
                    case DELEGATE: {
                        int self = stack[top--];
                        long label = insn.value();
                        if (label > top) {
                            throw WasmException.invalid(insn.offset(), "code", "delegate " + insn.value() + " names no label");
                        }
                        int target = top - (int) label;
                        int child = target == top ? self : stack[target + 1];
                        constructs.get(child).wrapped = true;
                        constructs.get(self).delegateTo = child;
                        break;
                    }
                    case END:
                        top--;
                        break;
                    default:
                        break;
                }
            }
        }

        /**
         * The original local groups, then the new locals: for a rethrown catch $t handler its
         * payload's values, for a rethrown catch_all handler an exnref (one group per local).
         */
        private void locals(ByteWriter w) {
            int next = s.functionType(body.index()).params().length + (int) body.localCount();
            List<Integer> tries = new ArrayList<>(constructs.keySet());
            tries.sort(null);
            List<Integer> types = new ArrayList<>();
            for (int at : tries) {
                Construct c = constructs.get(at);
                for (int k = c.rethrownIn.nextSetBit(0); k >= 0; k = c.rethrownIn.nextSetBit(k + 1)) {
                    int tag = c.catches.get(k);
                    if (tag < 0) {
                        if (c.exnLocal < 0) {
                            c.exnLocal = next++;
                            types.add(ValueType.EXNREF);
                        }
                        continue;
                    }
                    if (tag >= s.tagCount()) {
                        throw WasmException.invalid(code.get(at).offset(), "code", "catch of unknown tag " + tag);
                    }
                    int[] params = s.tagType(tag).params();
                    int[] locals = new int[params.length];
                    for (int p = 0; p < params.length; p++) {
                        locals[p] = next++;
                        types.add(params[p]);
                    }
                    c.payloadLocals.put(k, locals);
                }
            }
            byte[] bytes = module.bytes();
            if (types.isEmpty()) {
                w.bytes(bytes, body.localsStart(), body.codeStart() - body.localsStart());
                return;
            }
            ByteReader r = new ByteReader(bytes, body.localsStart(), body.codeStart(), "code");
            long groups = r.u32();
            w.u32(groups + types.size()).bytes(bytes, r.pos(), body.codeStart() - r.pos());
            for (int t : types) {
                w.u32(1).u8(t);
            }
        }

        private void emit(int i, Instruction insn, ByteWriter w) {
            switch (insn.opcode()) {
                case BLOCK:
                case LOOP:
                case IF:
                    push(i, wrap(i, insn, w));
                    put(w, insn);
                    open[depth]++;
                    break;
                case TRY_TABLE:
                    push(i, wrap(i, insn, w));
                    put(w, retarget(insn));
                    open[depth]++;
                    break;
                case TRY:
                    openTry(i, insn, w);
                    break;
                case CATCH:
                case CATCH_ALL:
                    nextHandler(w);
                    break;
                case DELEGATE:
                    put(w, Opcode.END);
                    close(w);
                    break;
                case END:
                    if (depth == 0) {
                        put(w, Opcode.END);
                        return;
                    }
                    // a try with handlers ends its last one by leaving $outer; everything else ends itself
                    put(w, Opcode.END);
                    close(w);
                    break;
                case RETHROW: {
                    int level = depth - (int) insn.value(); // checked by survey()
                    Construct target = constructs.get(opener[level]);
                    int k = handler[level] - 1;
                    int tag = target.catches.get(k);
                    if (tag >= 0) {
                        // throwing the payload again with its tag is the same exception to the code that catches it
                        for (int local : target.payloadLocals.get(k)) {
                            put(w, Instruction.of(Opcode.LOCAL_GET, local));
                        }
                        put(w, Instruction.of(Opcode.THROW, tag));
                    } else {
                        put(w, Instruction.of(Opcode.LOCAL_GET, target.exnLocal));
                        put(w, Opcode.THROW_REF);
                        if (firstExnrefRethrow < 0) {
                            firstExnrefRethrow = insn.offset();
                        }
                    }
                    break;
                }
                case BR:
                case BR_IF:
                    put(w, Instruction.of(insn.opcode(), branch(insn.value(), depth, insn)));
                    break;
                case BR_TABLE: {
                    int[] targets = new int[insn.targetCount()];
                    for (int t = 0; t < targets.length; t++) {
                        targets[t] = (int) branch(insn.target(t), depth, insn);
                    }
                    put(w, Instruction.brTable(branch(insn.value(), depth, insn), targets));
                    break;
                }
                default:
                    put(w, insn);
            }
        }

        /** Opens $skip and $d before a construct a delegate throws from; returns how many labels that is. */
        private int wrap(int i, Instruction insn, ByteWriter w) {
            if (!constructs.get(i).wrapped) {
                return 0;
            }
            FuncType t = resolve(insn.blockType(), insn.offset());
            // if takes its condition on top of its parameters: the wrapper blocks pass both through
            int[] params = insn.opcode() == Opcode.IF ? append(t.params(), ValueType.I32) : t.params();
            put(w, Instruction.of(Opcode.BLOCK, blockType(params, t.results())));
            put(w, Instruction.of(Opcode.BLOCK, blockType(params, new int[] {ValueType.EXNREF})));
            return 2;
        }

        private void openTry(int i, Instruction insn, ByteWriter w) {
            Construct c = constructs.get(i);
            push(i, wrap(i, insn, w));
            long bt = insn.blockType();
            if (c.delegateTo >= 0) {
                // catch_all_ref's label counts from outside the try_table: the try's own labels are not open yet
                long d = depthTo(level(c.delegateTo), 1); // $d is the second label of the wrapper
                put(w, Instruction.tryTable(bt, new byte[] {Instruction.CATCH_ALL_REF}, 0, (int) d));
                open[depth]++;
                return;
            }
            if (c.catches.isEmpty()) {
                put(w, Instruction.of(Opcode.BLOCK, bt)); // try ... end without handlers is a block
                open[depth]++;
                return;
            }
            FuncType t = resolve(bt, insn.offset());
            int n = c.catches.size();
            put(w, Instruction.of(Opcode.BLOCK, bt)); // $outer
            byte[] kinds = new byte[n];
            int[] clauses = new int[2 * n];
            for (int k = n - 1; k >= 0; k--) {
                int tag = c.catches.get(k);
                if (tag >= s.tagCount()) {
                    throw WasmException.invalid(insn.offset(), "code", "catch of unknown tag " + tag);
                }
                int[] caught = tag >= 0 ? s.tagType(tag).params() : new int[0];
                if (c.keepsRef(k)) {
                    caught = append(caught, ValueType.EXNREF);
                }
                put(w, Instruction.of(Opcode.BLOCK, blockType(t.params(), caught))); // $c_k
            }
            for (int k = 0; k < n; k++) {
                int tag = c.catches.get(k);
                kinds[k] = (byte) (tag >= 0 ? Instruction.CATCH : c.keepsRef(k) ? Instruction.CATCH_ALL_REF : Instruction.CATCH_ALL);
                clauses[2 * k] = Math.max(tag, 0);
                clauses[2 * k + 1] = k;
            }
            put(w, Instruction.tryTable(bt, kinds, clauses));
            open[depth] += n + 2;
        }

        /**
         * catch or catch_all: the try body (or the previous handler) leaves through $outer, the block
         * this clause's catch lands in ends, and the handler starts with what it caught.
         */
        private void nextHandler(ByteWriter w) {
            Construct c = constructs.get(opener[depth]);
            int n = c.catches.size();
            int k = handler[depth]++;
            if (k == 0) {
                put(w, Opcode.END); // try_table
                open[depth]--;
            }
            put(w, Instruction.of(Opcode.BR, n - k)); // to $outer over $c_k .. $c_(n-1)
            put(w, Opcode.END);                       // $c_k
            open[depth]--;
            if (c.keepsRef(k)) {
                put(w, Instruction.of(Opcode.LOCAL_SET, c.exnLocal));
            } else if (c.payloadLocals.containsKey(k)) {
                // keep a copy of the payload for the rethrow, and leave it on the stack for the handler
                int[] locals = c.payloadLocals.get(k);
                for (int p = locals.length - 1; p >= 0; p--) {
                    put(w, Instruction.of(Opcode.LOCAL_SET, locals[p]));
                }
                for (int local : locals) {
                    put(w, Instruction.of(Opcode.LOCAL_GET, local));
                }
            }
        }

        /** After the construct's own end: closes its wrapper (leave by $skip, or throw again what $d caught). */
        private void close(ByteWriter w) {
            if (pre[depth] == 2) {
                put(w, Instruction.of(Opcode.BR, 1));
                put(w, Opcode.END);
                put(w, Opcode.THROW_REF);
                put(w, Opcode.END);
            }
            depth--;
        }

        /** A try_table of the final proposal in the same body: its catch labels count the labels added around. */
        private Instruction retarget(Instruction insn) {
            int n = insn.catchCount();
            byte[] kinds = new byte[n];
            int[] clauses = new int[2 * n];
            for (int k = 0; k < n; k++) {
                kinds[k] = (byte) insn.catchKind(k);
                clauses[2 * k] = (int) insn.catchTag(k);
                // counted from outside the try_table (its wrapper labels are open, its own not yet)
                clauses[2 * k + 1] = (int) branch(insn.catchLabel(k), depth - 1, insn);
            }
            return Instruction.tryTable(insn.blockType(), kinds, clauses);
        }

        private void push(int at, int wrapperLabels) {
            if (++depth == opener.length) {
                int size = depth * 2;
                opener = Arrays.copyOf(opener, size);
                open = Arrays.copyOf(open, size);
                pre = Arrays.copyOf(pre, size);
                handler = Arrays.copyOf(handler, size);
            }
            opener[depth] = at;
            levelOf[at] = depth;
            open[depth] = wrapperLabels;
            pre[depth] = wrapperLabels;
            handler[depth] = 0;
        }

        /** The stack level of the construct opened at instruction {@code at} (open: it encloses the delegate). */
        private int level(int at) {
            return levelOf[at];
        }

        /**
         * The new depth of a branch to original label {@code label}: the labels of the constructs
         * inside the target, then the target's own labels inside the one a branch lands on (the first
         * after its wrapper: block, loop, if, or a try's $outer).
         */
        private long branch(long label, int from, Instruction insn) {
            if (label > from) {
                throw WasmException.invalid(insn.offset(), "code", insn.opcode().mnemonic() + " to label " + label
                        + ", but only " + (from + 1) + " are open");
            }
            int target = from - (int) label;
            return depthTo(target, pre[target]);
        }

        /** Output labels between here and label {@code index} (0 the outermost) of the construct at {@code level}. */
        private long depthTo(int level, int index) {
            long n = 0;
            for (int l = depth; l > level; l--) {
                n += open[l];
            }
            return n + open[level] - 1 - index;
        }

        private void put(ByteWriter w, Instruction insn) {
            InstructionWriter.write(insn, w);
        }

        private void put(ByteWriter w, Opcode op) {
            InstructionWriter.write(Instruction.of(op), w);
        }
    }

}
