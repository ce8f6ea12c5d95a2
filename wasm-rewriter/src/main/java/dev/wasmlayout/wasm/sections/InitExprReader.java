package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;
import java.util.OptionalLong;

/**
 * Reads a constant expression (MVP constants, ref.null/ref.func, global.get and extended-const
 * arithmetic) with an explicit value stack, so arbitrarily long expressions never recurse.
 */
public final class InitExprReader {
    private InitExprReader() {
    }

    public static InitExpr read(ByteReader r) {
        int start = r.pos();
        long[] stack = new long[8];
        boolean[] known = new boolean[8];
        int sp = 0;
        int globalGet = -1;
        int count = 0;
        while (true) {
            int at = r.pos();
            int op = r.u8();
            if (op == 0x0b) {
                break;
            }
            count++;
            if (sp + 1 >= stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                known = java.util.Arrays.copyOf(known, known.length * 2);
            }
            switch (op) {
                case 0x41: stack[sp] = r.s32(); known[sp++] = true; break;
                case 0x42: stack[sp] = r.s64(); known[sp++] = true; break;
                case 0x43: r.skip(4, "f32 constant"); known[sp++] = false; break;
                case 0x44: r.skip(8, "f64 constant"); known[sp++] = false; break;
                case 0xd0: ValueTypes.readRefType(r); known[sp++] = false; break;
                case 0xd2: r.u32(); known[sp++] = false; break;
                case 0x23: globalGet = r.u32AsInt("global index"); known[sp++] = false; break;
                case 0xfd: {
                    long sub = r.u32();
                    if (sub != 12) {
                        throw r.invalidAt(at, "constant expression uses non-constant instruction 0xfd " + sub);
                    }
                    r.skip(16, "v128 constant");
                    known[sp++] = false;
                    break;
                }
                case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: {
                    if (sp < 2) {
                        throw r.invalidAt(at, "constant expression arithmetic needs two operands");
                    }
                    sp--;
                    long b = stack[sp];
                    long a = stack[sp - 1];
                    boolean k = known[sp] && known[sp - 1];
                    long v;
                    if (op == 0x6a || op == 0x7c) {
                        v = a + b;
                    } else if (op == 0x6b || op == 0x7d) {
                        v = a - b;
                    } else {
                        v = a * b;
                    }
                    stack[sp - 1] = op <= 0x6c ? (int) v : v;
                    known[sp - 1] = k;
                    break;
                }
                default:
                    throw r.invalidAt(at, String.format("constant expression uses non-constant instruction 0x%02x", op));
            }
        }
        if (sp != 1) {
            throw r.invalidAt(start, "constant expression leaves " + sp + " values, expected 1");
        }
        OptionalLong value = known[0] ? OptionalLong.of(stack[0]) : OptionalLong.empty();
        return new InitExpr(start, r.pos(), value, count == 1 ? globalGet : -1);
    }
}
