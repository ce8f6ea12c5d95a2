package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A constant expression (global initialiser, segment offset, element item): the constants,
 * ref.null, ref.func, global.get and the extended-const i32/i64 add, sub and mul. Reading checks
 * that only those appear and that exactly one value is left; global.get's type is not known
 * here, so it matches any operand. One read from a module also knows where it sits in the file
 * ({@link #start()}, {@link #end()}), so a patch can copy it unchanged.
 */
public final class ConstExpr {
    /** {@link #resultType()} when a lone global.get decides the type. */
    public static final int UNKNOWN_TYPE = 0;

    private final List<Instruction> instructions;
    private final int resultType;
    private final int end;
    private final OptionalLong value;

    private ConstExpr(List<Instruction> instructions, int resultType, int end) {
        this.instructions = Collections.unmodifiableList(instructions);
        this.resultType = resultType;
        this.end = end;
        this.value = value(index -> OptionalLong.empty());
    }

    /** Reads an expression up to and including its end; {@code in} is left after the end. */
    public static ConstExpr read(ByteReader in) {
        InstructionReader reader = InstructionReader.forConstExpr(in);
        List<Instruction> insns = new ArrayList<>();
        while (reader.hasNext()) {
            Instruction insn = reader.next();
            if (!isConstant(insn.opcode())) {
                throw in.invalidAt(insn.offset(), insn.opcode().mnemonic() + " is not allowed in a constant expression");
            }
            insns.add(insn);
        }
        return new ConstExpr(insns, typeCheck(insns, in::invalidAt), in.pos());
    }

    /** True for the opcodes a constant expression may hold (extended-const included). */
    public static boolean isConstant(Opcode op) {
        switch (op) {
            case I32_CONST: case I64_CONST: case F32_CONST: case F64_CONST: case V128_CONST:
            case REF_NULL: case REF_FUNC: case GLOBAL_GET:
            case I32_ADD: case I32_SUB: case I32_MUL:
            case I64_ADD: case I64_SUB: case I64_MUL:
            case END:
                return true;
            default:
                return false;
        }
    }

    /** The instructions, ending with end. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** File offset of the first instruction. */
    public int start() {
        return instructions.get(0).offset();
    }

    /** File offset just after the final end. */
    public int end() {
        return end;
    }

    /** The global a lone {@code global.get} reads, or -1 for any other expression. */
    public int globalGet() {
        return instructions.size() == 2 && instructions.get(0).opcode() == Opcode.GLOBAL_GET ? (int) instructions.get(0).imm(0) : -1;
    }

    /** True when the expression reads a global anywhere (extended-const arithmetic included). */
    public boolean readsGlobals() {
        return instructions.stream().anyMatch(i -> i.opcode() == Opcode.GLOBAL_GET);
    }

    /** The value type code of the result ({@link ValueType}), or {@link #UNKNOWN_TYPE}. */
    public int resultType() {
        return resultType;
    }

    /** The value if the expression uses only constants and arithmetic; see {@link #value(IntFunction)}. */
    public OptionalLong value() {
        return value;
    }

    /**
     * Evaluates the expression. i32 results are zero-extended (they are mostly addresses), floats
     * come back as their IEEE bits; v128 and references have no long value and give empty, as does
     * a global.get the resolver does not know.
     */
    public OptionalLong value(IntFunction<OptionalLong> globals) {
        long[] stack = new long[instructions.size()];
        int sp = 0;
        for (Instruction insn : instructions) {
            switch (insn.opcode()) {
                case I32_CONST:
                case F32_CONST:
                    stack[sp++] = insn.imm(0) & 0xffffffffL;
                    break;
                case I64_CONST:
                case F64_CONST:
                    stack[sp++] = insn.imm(0);
                    break;
                case GLOBAL_GET: {
                    OptionalLong v = globals.apply((int) insn.imm(0));
                    if (v.isEmpty()) {
                        return v;
                    }
                    stack[sp++] = v.getAsLong();
                    break;
                }
                case I32_ADD: case I32_SUB: case I32_MUL:
                case I64_ADD: case I64_SUB: case I64_MUL:
                    sp--;
                    stack[sp - 1] = arithmetic(insn.opcode(), stack[sp - 1], stack[sp]);
                    break;
                case END:
                    return OptionalLong.of(stack[0]);
                default:
                    return OptionalLong.empty();
            }
        }
        throw new AssertionError("constant expression without end");
    }

    private static long arithmetic(Opcode op, long a, long b) {
        switch (op) {
            case I32_ADD: return (a + b) & 0xffffffffL;
            case I32_SUB: return (a - b) & 0xffffffffL;
            case I32_MUL: return ((int) a * (int) b) & 0xffffffffL;
            case I64_ADD: return a + b;
            case I64_SUB: return a - b;
            default: return a * b;
        }
    }

    /** Checks operand types on a small type stack and returns the result type. */
    private static int typeCheck(List<Instruction> insns, BiFunction<Integer, String, RuntimeException> error) {
        int[] stack = new int[insns.size()];
        int sp = 0;
        for (Instruction insn : insns) {
            Opcode op = insn.opcode();
            switch (op) {
                case I32_CONST: stack[sp++] = ValueType.I32; break;
                case I64_CONST: stack[sp++] = ValueType.I64; break;
                case F32_CONST: stack[sp++] = ValueType.F32; break;
                case F64_CONST: stack[sp++] = ValueType.F64; break;
                case V128_CONST: stack[sp++] = ValueType.V128; break;
                case REF_NULL: stack[sp++] = (int) insn.imm(0); break;
                case REF_FUNC: stack[sp++] = ValueType.FUNCREF; break;
                case GLOBAL_GET: stack[sp++] = UNKNOWN_TYPE; break;
                case END:
                    if (sp != 1) {
                        throw error.apply(insn.offset(), "constant expression leaves " + sp + " values, expected 1");
                    }
                    return stack[0];
                default: {
                    int type = op.mnemonic().startsWith("i32") ? ValueType.I32 : ValueType.I64;
                    if (sp < 2) {
                        throw error.apply(insn.offset(), op.mnemonic() + " needs two operands, the stack has " + sp);
                    }
                    for (int i = 1; i <= 2; i++) {
                        int operand = stack[sp - i];
                        if (operand != type && operand != UNKNOWN_TYPE) {
                            throw error.apply(insn.offset(), op.mnemonic() + " expects " + ValueType.name(type)
                                    + " operands, got " + ValueType.name(operand));
                        }
                    }
                    stack[--sp - 1] = type;
                }
            }
        }
        throw new AssertionError("constant expression without end");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Instruction insn : instructions) {
            if (insn.opcode() != Opcode.END) {
                sb.append(sb.length() == 0 ? "" : " ").append(InstructionText.format(insn));
            }
        }
        return sb.toString();
    }
}
