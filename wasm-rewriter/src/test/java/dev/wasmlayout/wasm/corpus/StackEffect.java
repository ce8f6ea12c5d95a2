package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.code.Feature;
import dev.wasmlayout.wasm.code.ImmediateKind;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operand and result types of the "plain" opcodes (numeric, vector, memory accesses, atomics),
 * derived from their mnemonics so the corpus can emit stack-balanced uses of every one of them.
 * Control, variable, table, reference and bulk instructions are written by hand and give null.
 */
record StackEffect(int[] params, int[] results) {
    private static final Pattern CONVERSION = Pattern.compile("_(i32|i64|f32|f64)");
    private static final Set<String> COMPARE = Set.of("eq", "ne", "lt", "gt", "le", "ge");
    private static final Set<String> UNARY = Set.of("clz", "ctz", "popcnt", "abs", "neg", "ceil", "floor", "trunc",
            "nearest", "sqrt", "extend8", "extend16", "extend32");
    private static final String[] VECTOR_UNARY = {"not", "abs", "neg", "popcnt", "sqrt", "ceil", "floor", "trunc",
        "nearest", "extend", "extadd", "convert", "demote", "promote", "relaxed_trunc"};
    private static final Set<String> VECTOR_TERNARY = Set.of("bitselect", "relaxed_madd", "relaxed_nmadd",
            "relaxed_laneselect", "relaxed_dot_i8x16_i7x16_add_s");

    static StackEffect of(Opcode op) {
        String m = op.mnemonic();
        int dot = m.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String shape = m.substring(0, dot);
        String name = m.substring(dot + 1);
        if (op.isMemoryAccess()) {
            return memory(op, shape, name);
        }
        if (op.feature() == Feature.SIMD || op.feature() == Feature.RELAXED_SIMD) {
            return vector(op, shape, name);
        }
        boolean numeric = (op.prefix() == 0 && op.code() >= 0x45 && op.code() <= 0xc4)
                || (op.prefix() == Opcode.PREFIX_FC && op.code() <= 7);
        return numeric ? numeric(type(shape), name) : null;
    }

    private static StackEffect numeric(int t, String name) {
        if (name.equals("eqz")) {
            return new StackEffect(new int[] {t}, new int[] {ValueType.I32});
        }
        Matcher conv = CONVERSION.matcher(name);
        if (conv.find()) {
            return new StackEffect(new int[] {type(conv.group(1))}, new int[] {t});
        }
        String base = name.split("_")[0];
        if (COMPARE.contains(base)) {
            return new StackEffect(new int[] {t, t}, new int[] {ValueType.I32});
        }
        if (UNARY.contains(base)) {
            return new StackEffect(new int[] {t}, new int[] {t});
        }
        return new StackEffect(new int[] {t, t}, new int[] {t});
    }

    private static StackEffect vector(Opcode op, String shape, String name) {
        final int v = ValueType.V128;
        if (op.immediate() == ImmediateKind.V128) {
            return new StackEffect(new int[0], new int[] {v});
        }
        if (name.equals("splat")) {
            return new StackEffect(new int[] {lane(shape)}, new int[] {v});
        }
        if (name.startsWith("extract_lane")) {
            return new StackEffect(new int[] {v}, new int[] {lane(shape)});
        }
        if (name.equals("replace_lane")) {
            return new StackEffect(new int[] {v, lane(shape)}, new int[] {v});
        }
        if (name.equals("any_true") || name.equals("all_true") || name.equals("bitmask")) {
            return new StackEffect(new int[] {v}, new int[] {ValueType.I32});
        }
        if (name.equals("shl") || name.startsWith("shr_")) {
            return new StackEffect(new int[] {v, ValueType.I32}, new int[] {v});
        }
        if (VECTOR_TERNARY.contains(name)) {
            return new StackEffect(new int[] {v, v, v}, new int[] {v});
        }
        for (String u : VECTOR_UNARY) {
            if (name.startsWith(u)) {
                return new StackEffect(new int[] {v}, new int[] {v});
            }
        }
        return new StackEffect(new int[] {v, v}, new int[] {v});
    }

    private static StackEffect memory(Opcode op, String shape, String name) {
        final int a = ValueType.I32;
        if (op.prefix() == Opcode.PREFIX_ATOMIC) {
            switch (op.mnemonic()) {
                case "memory.atomic.notify":
                    return new StackEffect(new int[] {a, ValueType.I32}, new int[] {ValueType.I32});
                case "memory.atomic.wait32":
                    return new StackEffect(new int[] {a, ValueType.I32, ValueType.I64}, new int[] {ValueType.I32});
                case "memory.atomic.wait64":
                    return new StackEffect(new int[] {a, ValueType.I64, ValueType.I64}, new int[] {ValueType.I32});
                default:
                    break;
            }
            int t = type(shape);
            if (name.contains("cmpxchg")) {
                return new StackEffect(new int[] {a, t, t}, new int[] {t});
            }
            if (name.startsWith("atomic.load")) {
                return new StackEffect(new int[] {a}, new int[] {t});
            }
            if (name.startsWith("atomic.store")) {
                return new StackEffect(new int[] {a, t}, new int[0]);
            }
            return new StackEffect(new int[] {a, t}, new int[] {t});
        }
        int t = type(shape);
        boolean store = name.startsWith("store");
        if (op.immediate() == ImmediateKind.MEMARG_LANE) {
            return new StackEffect(new int[] {a, ValueType.V128}, store ? new int[0] : new int[] {ValueType.V128});
        }
        return store ? new StackEffect(new int[] {a, t}, new int[0]) : new StackEffect(new int[] {a}, new int[] {t});
    }

    private static int lane(String shape) {
        switch (shape) {
            case "i64x2": return ValueType.I64;
            case "f32x4": return ValueType.F32;
            case "f64x2": return ValueType.F64;
            default: return ValueType.I32;
        }
    }

    static int type(String name) {
        switch (name) {
            case "i32": return ValueType.I32;
            case "i64": return ValueType.I64;
            case "f32": return ValueType.F32;
            case "f64": return ValueType.F64;
            case "v128": return ValueType.V128;
            default: throw new IllegalArgumentException(name);
        }
    }
}
