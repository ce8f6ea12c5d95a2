package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.code.Feature;
import dev.wasmlayout.wasm.code.ImmediateKind;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.Samples;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.ArrayList;
import java.util.List;

/** Stack-balanced uses of opcodes: push operands, run the opcode, drop what it leaves. */
final class Snippets {
    private Snippets() {
    }

    /** One use of every opcode of {@code feature} that {@link StackEffect} knows, in table order. */
    static List<Instruction> allOf(Feature feature) {
        List<Instruction> out = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (op.feature() == feature && StackEffect.of(op) != null) {
                out.addAll(use(op, 0));
            }
        }
        return out;
    }

    /** Operands, the opcode with valid immediates for memory {@code memory}, drops. */
    static List<Instruction> use(Opcode op, int memory) {
        StackEffect effect = StackEffect.of(op);
        List<Instruction> out = new ArrayList<>();
        for (int t : effect.params()) {
            out.add(push(t));
        }
        out.add(withImmediates(op, memory));
        for (int ignored : effect.results()) {
            out.add(Instruction.of(Opcode.DROP));
        }
        return out;
    }

    static Instruction withImmediates(Opcode op, int memory) {
        switch (op.immediate()) {
            case MEMARG:
                return Instruction.memarg(op, op.naturalAlignment(), 8L << op.naturalAlignment(), memory);
            case MEMARG_LANE:
                return Instruction.memargLane(op, op.naturalAlignment(), 16, memory, Samples.laneCount(op) - 1);
            case LANE:
                return Instruction.of(op, Samples.laneCount(op) - 1);
            case V128:
                return Instruction.withBytes(op, Samples.sequence(1, 3));
            case SHUFFLE:
                return Instruction.withBytes(op, Samples.sequence(31, -1));
            case NONE:
                return Instruction.of(op);
            default:
                throw new IllegalArgumentException(op + " needs a hand-written use");
        }
    }

    /** A constant of type {@code t}; 1 rather than 0 so integer divisions do not trap if ever run. */
    static Instruction push(int t) {
        switch (t) {
            case ValueType.I32: return Instruction.i32Const(1);
            case ValueType.I64: return Instruction.i64Const(1);
            case ValueType.F32: return Instruction.of(Opcode.F32_CONST, Float.floatToIntBits(1.0f));
            case ValueType.F64: return Instruction.of(Opcode.F64_CONST, Double.doubleToLongBits(1.0));
            case ValueType.V128: return Instruction.withBytes(Opcode.V128_CONST, new byte[16]);
            default: throw new IllegalArgumentException("type " + t);
        }
    }
}
