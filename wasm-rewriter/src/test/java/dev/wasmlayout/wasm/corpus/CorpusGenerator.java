package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.code.ValueType;
import static dev.wasmlayout.wasm.code.ValueType.EXTERNREF;
import static dev.wasmlayout.wasm.code.ValueType.F32;
import static dev.wasmlayout.wasm.code.ValueType.F64;
import static dev.wasmlayout.wasm.code.ValueType.FUNCREF;
import static dev.wasmlayout.wasm.code.ValueType.I32;
import static dev.wasmlayout.wasm.code.ValueType.I64;
import static dev.wasmlayout.wasm.code.ValueType.V128;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.*;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valid modules built byte by byte, for round-trip tests of readers and writers. Together they hold
 * every section kind (all eight element segment forms, all three data segment forms, the custom
 * sections name, producers, target_features, linking with reloc.CODE, dylink.0) and every opcode
 * of {@link Opcode}. wabt 1.0.32's wasm-validate accepts them all (threads, tail calls, multi-memory,
 * extended-const, relaxed SIMD and exceptions enabled; see CorpusGeneratorTest) but "exceptions-final",
 * whose try_table and throw_ref came after wabt 1.0.32, and so does V8 in node 20 except
 * multi-memory, which it does not implement, and exceptions-final, which needs --experimental-wasm-exnref.
 *
 * <p>Module "relocatable" keeps its relocation sites as the 5-byte padded LEBs linkers emit; an
 * instruction-level re-encode shrinks them, so compare such bodies by instructions or splice
 * them raw. Every other body is minimally encoded.
 */
public final class CorpusGenerator {
    private CorpusGenerator() {
    }

    /** Module name to bytes, in a stable order. */
    public static Map<String, byte[]> modules() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("empty", new ModuleBuilder().build());
        m.put("sections", sections());
        m.put("opcodes", opcodes());
        m.put("relocatable", LinkerOutputModules.relocatable());
        m.put("pic", LinkerOutputModules.pic());
        m.put("multi-memory", multiMemory());
        m.put("exceptions", legacyExceptions());
        m.put("exceptions-final", finalExceptions());
        return Collections.unmodifiableMap(m);
    }

    /** Modules that wabt 1.0.32 cannot validate (instructions newer than it). */
    public static Set<String> newerThanWabt() {
        return Set.of("exceptions-final");
    }

    /** Modules whose function bodies contain padded (non-minimal) LEBs on purpose. */
    public static Set<String> withPaddedLebs() {
        return Set.of("relocatable");
    }

    // ---- "sections": imports of every kind, 8 element forms, 3 data forms, start, names

    private static byte[] sections() {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(2);
        funcType(types, new int[0], new int[0]);
        funcType(types, new int[] {I32}, new int[] {I32});
        m.section(TYPE, types);
        m.custom("wasm-layout.note", new ByteWriter().name("custom sections may sit between known sections"));

        ByteWriter imports = new ByteWriter().u32(5);
        imports.name("env").name("log").u8(KIND_FUNC).u32(1);                   // func 0
        limits(imports.name("env").name("table").u8(KIND_TABLE).u8(FUNCREF), 4); // table 0
        limits(imports.name("env").name("memory").u8(KIND_MEMORY), 1, 16);       // memory 0
        imports.name("env").name("base").u8(KIND_GLOBAL).u8(I32).u8(0);         // global 0
        imports.name("env").name("sp").u8(KIND_GLOBAL).u8(I32).u8(1);           // global 1
        m.section(IMPORT, imports);

        m.section(FUNCTION, new ByteWriter().u32(3).u32(0).u32(1).u32(0));    // funcs 1 init, 2 double, 3 referenced

        ByteWriter tables = new ByteWriter().u32(2);
        limits(tables.u8(FUNCREF), 2, 2);                                       // table 1
        limits(tables.u8(EXTERNREF), 1);                                        // table 2
        m.section(TABLE, tables);

        List<byte[]> globals = new ArrayList<>();
        globals.add(global(I32, true, expr(Instruction.i32Const(1024))));      // 2
        globals.add(global(I32, false, expr(op(Opcode.GLOBAL_GET, 0), Instruction.i32Const(16), op(Opcode.I32_ADD))));
        globals.add(global(I64, false, expr(Instruction.i64Const(1), Instruction.i64Const(2), op(Opcode.I64_SUB))));
        globals.add(global(F32, false, expr(op(Opcode.F32_CONST, Float.floatToIntBits(1.5f)))));
        globals.add(global(F64, false, expr(op(Opcode.F64_CONST, Double.doubleToLongBits(2.5)))));
        globals.add(global(V128, false, expr(Instruction.withBytes(Opcode.V128_CONST, Samples.sequence(0, 1)))));
        globals.add(global(FUNCREF, false, expr(op(Opcode.REF_FUNC, 2))));
        globals.add(global(EXTERNREF, true, expr(op(Opcode.REF_NULL, EXTERNREF))));
        m.section(GLOBAL, vec(new ByteWriter(), globals));

        ByteWriter exports = new ByteWriter().u32(6);
        exports.name("init").u8(KIND_FUNC).u32(1);
        exports.name("double").u8(KIND_FUNC).u32(2);
        exports.name("table").u8(KIND_TABLE).u32(1);
        exports.name("memory").u8(KIND_MEMORY).u32(0);
        exports.name("counter").u8(KIND_GLOBAL).u32(2);
        exports.name("base16").u8(KIND_GLOBAL).u32(3);
        m.section(EXPORT, exports);
        m.section(START, new ByteWriter().u32(1));
        m.section(ELEMENT, allElementForms());
        m.section(DATA_COUNT, new ByteWriter().u32(3));

        FunctionBuilder init = new FunctionBuilder()
                .add(Instruction.i32Const(0)).op(Opcode.CALL, 0).op(Opcode.DROP)
                .add(Instruction.i32Const(0)).add(Instruction.i32Const(0)).add(Instruction.i32Const(5))
                .op(Opcode.MEMORY_INIT, 1, 0).op(Opcode.DATA_DROP, 1)
                .add(Instruction.i32Const(0)).add(Instruction.i32Const(0)).add(Instruction.i32Const(2))
                .op(Opcode.TABLE_INIT, 1, 0).op(Opcode.ELEM_DROP, 1)
                .op(Opcode.GLOBAL_GET, 1).add(Instruction.i32Const(16)).op(Opcode.I32_SUB).op(Opcode.GLOBAL_SET, 1);
        FunctionBuilder twice = new FunctionBuilder().op(Opcode.LOCAL_GET, 0).op(Opcode.LOCAL_GET, 0).op(Opcode.I32_ADD);
        FunctionBuilder referenced = new FunctionBuilder().op(Opcode.REF_FUNC, 3).op(Opcode.DROP)
                .add(Instruction.i32Const(0)).add(Instruction.memarg(Opcode.I32_LOAD, 2, 16, 0)).op(Opcode.DROP);
        m.section(CODE, codeSection(List.of(init, twice, referenced), null));

        ByteWriter data = new ByteWriter().u32(3);
        data.u32(0).bytes(expr(Instruction.i32Const(16))).bytes(utf8("hello"));
        data.u32(1).bytes(utf8("world"));
        data.u32(2).u32(0).bytes(expr(op(Opcode.GLOBAL_GET, 0), Instruction.i32Const(32), op(Opcode.I32_ADD))).bytes(utf8("!!"));
        m.section(DATA, data);

        m.custom("name", CustomSections.names("sections",
                new String[] {"log", "init", "double", "referenced"},
                Map.of(2, new String[] {"x"}),
                new String[] {"base", "sp", "counter"},
                new String[] {".rodata", ".passive", ".explicit"}));
        m.custom("producers", CustomSections.producers());
        m.custom("target_features", CustomSections.targetFeatures("mutable-globals", "sign-ext", "bulk-memory",
                "reference-types", "multivalue", "extended-const"));
        return m.build();
    }

    /** Element segments in the eight encodings of flags 0..7, over tables 0 and 1 (funcref) and 2 (externref). */
    private static ByteWriter allElementForms() {
        ByteWriter e = new ByteWriter().u32(8);
        e.u32(0).bytes(expr(Instruction.i32Const(0))).u32(2).u32(1).u32(2);                  // active, table 0, func indices
        e.u32(1).u8(0x00).u32(2).u32(2).u32(3);                                               // passive, elemkind
        e.u32(2).u32(1).bytes(expr(Instruction.i32Const(0))).u8(0x00).u32(2).u32(1).u32(3);  // active, table 1
        e.u32(3).u8(0x00).u32(1).u32(3);                                                      // declarative
        e.u32(4).bytes(expr(Instruction.i32Const(2))).u32(2)                                  // active, table 0, exprs
                .bytes(expr(op(Opcode.REF_FUNC, 1))).bytes(expr(op(Opcode.REF_NULL, FUNCREF)));
        e.u32(5).u8(FUNCREF).u32(2).bytes(expr(op(Opcode.REF_FUNC, 2))).bytes(expr(op(Opcode.REF_NULL, FUNCREF)));
        e.u32(6).u32(2).bytes(expr(Instruction.i32Const(0))).u8(EXTERNREF).u32(1)           // active, table 2
                .bytes(expr(op(Opcode.REF_NULL, EXTERNREF)));
        e.u32(7).u8(FUNCREF).u32(1).bytes(expr(op(Opcode.REF_FUNC, 3)));                    // declarative, exprs
        return e;
    }

    // ---- "opcodes": a defined shared memory and one function per opcode group

    private static byte[] opcodes() {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(4);
        funcType(types, new int[0], new int[0]);
        funcType(types, new int[] {I32}, new int[] {I32});
        funcType(types, new int[] {I32, I32}, new int[] {I32, I32});
        funcType(types, new int[0], new int[] {I32, I64});
        m.section(TYPE, types);

        ByteWriter imports = new ByteWriter().u32(1);
        imports.name("env").name("base").u8(KIND_GLOBAL).u8(I32).u8(0);
        m.section(IMPORT, imports);

        Map<String, FunctionBuilder> functions = GroupFunctions.all();
        ByteWriter funcs = new ByteWriter().u32(functions.size());
        functions.keySet().forEach(name -> funcs.u32(name.equals("two_results") ? GroupFunctions.TYPE_TWO_RESULTS : GroupFunctions.TYPE_VOID));
        m.section(FUNCTION, funcs);

        ByteWriter tables = new ByteWriter().u32(3);
        limits(tables.u8(FUNCREF), 2, 10);
        limits(tables.u8(FUNCREF), 2);
        limits(tables.u8(EXTERNREF), 1);
        m.section(TABLE, tables);
        m.section(MEMORY, sharedLimits(new ByteWriter().u32(1), 1, 2));

        List<byte[]> globals = new ArrayList<>();
        globals.add(global(I32, true, expr(Instruction.i32Const(0))));
        globals.add(global(I32, false, expr(op(Opcode.GLOBAL_GET, 0), Instruction.i32Const(16), op(Opcode.I32_ADD))));
        globals.add(global(I64, false, expr(Instruction.i64Const(10), Instruction.i64Const(3), op(Opcode.I64_MUL),
                Instruction.i64Const(1), op(Opcode.I64_SUB))));
        globals.add(global(FUNCREF, true, expr(op(Opcode.REF_FUNC, 0))));
        globals.add(global(EXTERNREF, true, expr(op(Opcode.REF_NULL, EXTERNREF))));
        m.section(GLOBAL, vec(new ByteWriter(), globals));

        ByteWriter exports = new ByteWriter().u32(functions.size() + 2);
        exports.name("memory").u8(KIND_MEMORY).u32(0);
        exports.name("table").u8(KIND_TABLE).u32(0);
        int index = 0;
        for (String name : functions.keySet()) {
            exports.name(name).u8(KIND_FUNC).u32(index++);
        }
        m.section(EXPORT, exports);

        ByteWriter elems = new ByteWriter().u32(3);
        elems.u32(1).u8(0x00).u32(2).u32(0).u32(1);
        elems.u32(3).u8(0x00).u32(1).u32(0);
        elems.u32(0).bytes(expr(Instruction.i32Const(0))).u32(2).u32(0).u32(12);
        m.section(ELEMENT, elems);
        m.section(DATA_COUNT, new ByteWriter().u32(2));
        m.section(CODE, codeSection(new ArrayList<>(functions.values()), null));

        ByteWriter data = new ByteWriter().u32(2);
        data.u32(1).bytes(utf8("abc"));
        data.u32(0).bytes(expr(Instruction.i32Const(8), Instruction.i32Const(8), op(Opcode.I32_ADD))).bytes(utf8("xyz"));
        m.section(DATA, data);

        m.custom("name", CustomSections.names("opcodes", functions.keySet().toArray(new String[0]),
                Map.of(1, new String[] {"flag", "wide"}), new String[] {"base", "counter"}, new String[] {"passive", "active"}));
        m.custom("target_features", CustomSections.targetFeatures("atomics", "bulk-memory", "extended-const", "multivalue",
                "mutable-globals", "nontrapping-fptoint", "reference-types", "relaxed-simd", "sign-ext", "simd128", "tail-call"));
        return m.build();
    }

    // ---- "multi-memory": two memories, explicit memory indices everywhere they can appear

    private static byte[] multiMemory() {
        ModuleBuilder m = new ModuleBuilder();
        m.section(TYPE, funcType(new ByteWriter().u32(1), new int[0], new int[0]));
        m.section(FUNCTION, new ByteWriter().u32(1).u32(0));
        ByteWriter memories = new ByteWriter().u32(2);
        limits(memories, 1);
        limits(memories, 1, 2);
        m.section(MEMORY, memories);
        ByteWriter exports = new ByteWriter().u32(3);
        exports.name("memory").u8(KIND_MEMORY).u32(0);
        exports.name("scratch").u8(KIND_MEMORY).u32(1);
        exports.name("run").u8(KIND_FUNC).u32(0);
        m.section(EXPORT, exports);
        m.section(DATA_COUNT, new ByteWriter().u32(3));
        FunctionBuilder run = new FunctionBuilder()
                .add(Instruction.i32Const(0)).add(Instruction.memarg(Opcode.I32_LOAD, 2, 0, 1)).op(Opcode.DROP)
                .add(Instruction.i32Const(0)).add(Instruction.i64Const(1)).add(Instruction.memarg(Opcode.I64_STORE, 3, 8, 1))
                .add(Instruction.i32Const(0)).op(Opcode.I32_LOAD8_U, 0, 0, 0, 1).op(Opcode.DROP) // explicit memory 0
                .op(Opcode.MEMORY_SIZE, 1).op(Opcode.DROP)
                .add(Instruction.i32Const(1)).op(Opcode.MEMORY_GROW, 1).op(Opcode.DROP)
                .add(Instruction.i32Const(0)).add(Instruction.i32Const(0)).add(Instruction.i32Const(2)).op(Opcode.MEMORY_COPY, 1, 0)
                .add(Instruction.i32Const(0)).add(Instruction.i32Const(7)).add(Instruction.i32Const(2)).op(Opcode.MEMORY_FILL, 1)
                .add(Instruction.i32Const(0)).add(Instruction.i32Const(0)).add(Instruction.i32Const(2)).op(Opcode.MEMORY_INIT, 2, 1)
                .add(Instruction.i32Const(0)).add(Instruction.withBytes(Opcode.V128_CONST, new byte[16]))
                .add(Instruction.memargLane(Opcode.V128_STORE8_LANE, 0, 0, 1, 3))
                .add(Instruction.i32Const(0)).add(Instruction.memarg(Opcode.V128_LOAD32_ZERO, 2, 4, 1)).op(Opcode.DROP);
        m.section(CODE, codeSection(List.of(run), null));
        ByteWriter data = new ByteWriter().u32(3);
        data.u32(0).bytes(expr(Instruction.i32Const(0))).bytes(utf8("m0"));
        data.u32(2).u32(1).bytes(expr(Instruction.i32Const(0))).bytes(utf8("m1"));
        data.u32(1).bytes(utf8("px"));
        m.section(DATA, data);
        return m.build();
    }

    // ---- "exceptions": tag import, tag section, tag exports and the legacy instructions clang 19 emits

    private static byte[] legacyExceptions() {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(2);
        funcType(types, new int[0], new int[0]);
        funcType(types, new int[] {I32}, new int[0]);
        m.section(TYPE, types);
        m.section(IMPORT, new ByteWriter().u32(1).name("env").name("error").u8(KIND_TAG).u8(0).u32(1)); // tag 0
        m.section(FUNCTION, new ByteWriter().u32(1).u32(0));
        m.section(TAG, new ByteWriter().u32(1).u8(0).u32(1));                                             // tag 1
        ByteWriter exports = new ByteWriter().u32(3);
        exports.name("run").u8(KIND_FUNC).u32(0);
        exports.name("error").u8(KIND_TAG).u32(0);
        exports.name("__c_longjmp").u8(KIND_TAG).u32(1);
        m.section(EXPORT, exports);
        FunctionBuilder run = new FunctionBuilder()
                .op(Opcode.TRY, -64)
                .op(Opcode.TRY, -64).add(Instruction.i32Const(2)).op(Opcode.THROW, 0).op(Opcode.DELEGATE, 0)
                .op(Opcode.CATCH, 0).op(Opcode.DROP).op(Opcode.RETHROW, 0)
                .op(Opcode.CATCH_ALL).op(Opcode.NOP)
                .op(Opcode.END)
                .op(Opcode.TRY, -64).add(Instruction.i32Const(1)).op(Opcode.THROW, 1)
                .op(Opcode.CATCH, 1).op(Opcode.DROP)
                .op(Opcode.END);
        m.section(CODE, codeSection(List.of(run), null));
        m.custom("target_features", CustomSections.targetFeatures("exception-handling"));
        return m.build();
    }

    // ---- "exceptions-final": try_table with all four catch kinds, throw_ref, exnref locals and ref.null exn

    private static byte[] finalExceptions() {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(3);
        funcType(types, new int[0], new int[0]);
        funcType(types, new int[] {I32}, new int[0]);
        funcType(types, new int[0], new int[] {I32, ValueType.EXNREF});
        m.section(TYPE, types);
        m.section(FUNCTION, new ByteWriter().u32(1).u32(0));
        m.section(TAG, new ByteWriter().u32(1).u8(0).u32(1));
        m.section(EXPORT, new ByteWriter().u32(1).name("run").u8(KIND_FUNC).u32(0));
        int exnref = ValueType.EXNREF - 128; // a value type as a block type is its code as an s33
        FunctionBuilder run = new FunctionBuilder().local(1, ValueType.EXNREF)
                .op(Opcode.REF_NULL, ValueType.EXNREF).op(Opcode.LOCAL_SET, 0)
                .op(Opcode.BLOCK, exnref)                      // catch_all_ref lands here with an exnref
                .op(Opcode.BLOCK, 2)                           // catch_ref: i32 exnref
                .op(Opcode.BLOCK, I32 - 128)                   // catch: i32
                .op(Opcode.BLOCK, -64)                         // catch_all
                .add(Instruction.tryTable(-64, new byte[] {Instruction.CATCH, Instruction.CATCH_REF,
                        Instruction.CATCH_ALL, Instruction.CATCH_ALL_REF}, 0, 1, 0, 2, 0, 0, 0, 3))
                .add(Instruction.i32Const(1)).op(Opcode.THROW, 0)
                .op(Opcode.END).op(Opcode.RETURN)
                .op(Opcode.END).op(Opcode.RETURN)
                .op(Opcode.END).op(Opcode.DROP).op(Opcode.RETURN)
                .op(Opcode.END).op(Opcode.THROW_REF)
                .op(Opcode.END).op(Opcode.THROW_REF);
        m.section(CODE, codeSection(List.of(run), null));
        m.custom("target_features", CustomSections.targetFeatures("exception-handling", "multivalue", "reference-types"));
        return m.build();
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    // ---- helpers

    static Instruction op(Opcode op, long... ints) {
        return Instruction.of(op, ints);
    }

    static byte[] global(int type, boolean mutable, byte[] init) {
        return new ByteWriter().u8(type).u8(mutable ? 1 : 0).bytes(init).toByteArray();
    }

    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter().u32(b.length).bytes(b).toByteArray();
    }
}
