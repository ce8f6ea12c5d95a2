package dev.wasmlayout.wasm.corpus;

import static dev.wasmlayout.wasm.code.Opcode.*;

import dev.wasmlayout.wasm.code.Feature;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions of the "opcodes" corpus module, one per opcode group; together they use every
 * opcode. Indices refer to that module's layout, fixed in the constants below.
 */
final class GroupFunctions {
    static final int TYPE_VOID = 0, TYPE_I32_TO_I32 = 1, TYPE_PAIR_TO_PAIR = 2, TYPE_TWO_RESULTS = 3;
    static final int FUNC_NOP = 0, FUNC_TWO_RESULTS = 8;
    static final int GLOBAL_MUT_I32 = 1;
    static final int TABLE_FUNCS = 0, TABLE_FUNCS_2 = 1, TABLE_EXTERN = 2;
    static final int ELEM_PASSIVE = 0, DATA_PASSIVE = 0;

    private GroupFunctions() {
    }

    /** Name and body of every function, in function index order; all of type () -> () but two_results. */
    static Map<String, FunctionBuilder> all() {
        Map<String, FunctionBuilder> f = new LinkedHashMap<>();
        f.put("nop", new FunctionBuilder());
        f.put("mvp_control", mvpControl());
        f.put("mvp_numeric_memory", new FunctionBuilder().addAll(Snippets.allOf(Feature.MVP)));
        f.put("sign_extension", new FunctionBuilder().addAll(Snippets.allOf(Feature.SIGN_EXTENSION)));
        f.put("saturating_conversion", new FunctionBuilder().addAll(Snippets.allOf(Feature.SATURATING_CONVERSION)));
        f.put("bulk_memory", bulkMemory());
        f.put("reference_types", referenceTypes());
        f.put("multi_value", multiValue());
        f.put("two_results", new FunctionBuilder().add(Instruction.i32Const(1)).add(Instruction.i64Const(2)));
        f.put("simd", new FunctionBuilder().addAll(Snippets.allOf(Feature.SIMD)));
        f.put("relaxed_simd", new FunctionBuilder().addAll(Snippets.allOf(Feature.RELAXED_SIMD)));
        f.put("threads", new FunctionBuilder().addAll(Snippets.allOf(Feature.THREADS)).op(ATOMIC_FENCE));
        f.put("tail_call", new FunctionBuilder().add(Instruction.i32Const(0)).op(IF, -64).op(RETURN_CALL, FUNC_NOP).op(END)
                .op(RETURN_CALL, FUNC_NOP));
        f.put("tail_call_indirect", new FunctionBuilder().add(Instruction.i32Const(0))
                .op(RETURN_CALL_INDIRECT, TYPE_VOID, TABLE_FUNCS));
        return f;
    }

    private static long blockType(int valueType) {
        return valueType - 128;
    }

    private static FunctionBuilder i32(FunctionBuilder f, int... values) {
        for (int v : values) {
            f.add(Instruction.i32Const(v));
        }
        return f;
    }

    /** Control flow, calls, variables, select, memory.size/grow and the constants. Locals: 0 i32, 1 i64. */
    private static FunctionBuilder mvpControl() {
        FunctionBuilder f = new FunctionBuilder().local(1, ValueType.I32).local(1, ValueType.I64);
        f.op(BLOCK, -64).op(LOOP, -64);
        i32(f, 0).op(BR_IF, 1);
        i32(f, 0).add(Instruction.brTable(1, 0, 1));
        f.op(END).op(END);
        f.op(BLOCK, blockType(ValueType.I32));
        i32(f, 7).op(BR, 0).op(END).op(DROP);
        i32(f, 1).op(IF, blockType(ValueType.I64)).add(Instruction.i64Const(1)).op(ELSE).add(Instruction.i64Const(2)).op(END);
        f.op(LOCAL_SET, 1).op(LOCAL_GET, 1).op(DROP);
        i32(f, 5).op(LOCAL_TEE, 0).op(LOCAL_SET, 0);
        f.op(GLOBAL_GET, GLOBAL_MUT_I32).op(GLOBAL_SET, GLOBAL_MUT_I32);
        i32(f, 1, 2).op(LOCAL_GET, 0).op(SELECT).op(DROP);
        f.op(CALL, FUNC_NOP);
        i32(f, 0).op(CALL_INDIRECT, TYPE_VOID, TABLE_FUNCS);
        f.op(MEMORY_SIZE, 0).op(DROP);
        i32(f, 0).op(MEMORY_GROW, 0).op(DROP);
        f.add(Instruction.i64Const(-1)).op(DROP);
        f.op(F32_CONST, Float.floatToIntBits(0.5f)).op(DROP);
        f.op(F64_CONST, Double.doubleToLongBits(-0.25)).op(DROP);
        f.op(NOP);
        f.op(BLOCK, -64).op(BR, 0).op(UNREACHABLE).op(END);
        return f.op(RETURN);
    }

    private static FunctionBuilder bulkMemory() {
        FunctionBuilder f = new FunctionBuilder();
        i32(f, 0, 0, 3).op(MEMORY_INIT, DATA_PASSIVE, 0);
        f.op(DATA_DROP, DATA_PASSIVE);
        i32(f, 0, 16, 4).op(MEMORY_COPY, 0, 0);
        i32(f, 0, 0, 4).op(MEMORY_FILL, 0);
        i32(f, 0, 0, 1).op(TABLE_INIT, ELEM_PASSIVE, TABLE_FUNCS);
        f.op(ELEM_DROP, ELEM_PASSIVE);
        return i32(f, 0, 0, 1).op(TABLE_COPY, TABLE_FUNCS, TABLE_FUNCS_2);
    }

    private static FunctionBuilder referenceTypes() {
        FunctionBuilder f = new FunctionBuilder();
        f.op(REF_NULL, ValueType.FUNCREF).op(REF_IS_NULL).op(DROP);
        f.op(REF_FUNC, FUNC_NOP).op(DROP);
        i32(f, 0).op(TABLE_GET, TABLE_FUNCS).op(DROP);
        i32(f, 0).op(REF_NULL, ValueType.FUNCREF).op(TABLE_SET, TABLE_FUNCS);
        f.op(REF_NULL, ValueType.FUNCREF);
        i32(f, 1).op(TABLE_GROW, TABLE_FUNCS).op(DROP);
        f.op(TABLE_SIZE, TABLE_EXTERN).op(DROP);
        i32(f, 0).op(REF_NULL, ValueType.EXTERNREF);
        i32(f, 1).op(TABLE_FILL, TABLE_EXTERN);
        f.op(REF_NULL, ValueType.EXTERNREF).op(REF_NULL, ValueType.EXTERNREF);
        i32(f, 1).add(Instruction.select((byte) ValueType.EXTERNREF)).op(DROP);
        return i32(f, 0).op(CALL_INDIRECT, TYPE_VOID, TABLE_FUNCS_2);
    }

    /** Blocks typed by a type index, and a call returning two values. */
    private static FunctionBuilder multiValue() {
        FunctionBuilder f = new FunctionBuilder();
        i32(f, 1, 2).op(BLOCK, TYPE_PAIR_TO_PAIR).op(END).op(I32_ADD).op(DROP);
        f.op(CALL, FUNC_TWO_RESULTS).op(DROP).op(DROP);
        i32(f, 3).op(LOOP, TYPE_I32_TO_I32).op(END).op(DROP);
        i32(f, 1).op(IF, TYPE_TWO_RESULTS).add(Instruction.i32Const(1)).add(Instruction.i64Const(2))
                .op(ELSE).add(Instruction.i32Const(3)).add(Instruction.i64Const(4)).op(END);
        return f.op(DROP).op(DROP);
    }
}
