package dev.wasmlayout.validator;

import com.dylibso.chicory.wasm.types.ValType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a call step's expected result against the export's result types. Each expected value is
 * converted to its result's type first, so it may be written the way the user thinks of it: an i32 of
 * -1 is also 4294967295 (two's complement), an i64 likewise up to 2^64-1; f32 and f64 expectations are
 * rounded to the type and compared as numbers (NaN matches any NaN, 0.0 matches -0.0).
 */
final class ResultExpectation {
    private static final BigDecimal I32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal I32_MAX = BigDecimal.valueOf(0xFFFF_FFFFL);
    private static final BigDecimal I64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal I64_MAX = new BigDecimal(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    private ResultExpectation() {
    }

    /**
     * Why {@code expected} can never be what {@code export} returns (another number of values, a value its
     * type cannot hold), or null when it can be compared. Checked before the call, like the arguments.
     */
    static String unfit(String export, List<ValType> types, List<Number> expected) {
        if (types.isEmpty()) {
            return export + " returns nothing, but expect-result has " + values(expected.size());
        }
        if (types.size() != expected.size()) {
            return export + " returns " + values(types.size()) + ", but expect-result has " + values(expected.size());
        }
        for (int i = 0; i < types.size(); i++) {
            ValType type = types.get(i);
            String result = types.size() == 1 ? export + " returns " : "result " + (i + 1) + " of " + export + " is ";
            if (!isNumber(type)) {
                return result + ReturnedValues.name(type) + ", which expect-result cannot check (only i32, i64, f32 and f64)";
            }
            if (as(type, expected.get(i)) == null) {
                return result + ReturnedValues.name(type) + ", which cannot hold " + expected.get(i) + " (" + range(type) + ")";
            }
        }
        return null;
    }

    /** "expected result 42, got 38", or null when {@code returned} matches; {@code expected} passed {@link #unfit}. */
    static String unmet(List<ValType> types, List<Number> expected, List<Number> returned) {
        List<Number> want = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            want.add(as(types.get(i), expected.get(i)));
        }
        boolean same = want.size() == returned.size();
        for (int i = 0; same && i < want.size(); i++) {
            same = same(want.get(i), returned.get(i));
        }
        return same ? null : "expected result " + ReturnedValues.text(want) + ", got "
                + (returned.isEmpty() ? "nothing" : ReturnedValues.text(returned));
    }

    /** {@code value} as {@code type} holds it (Integer, Long, Float, Double), or null when it cannot. */
    private static Number as(ValType type, Number value) {
        BigDecimal exact = exact(value);
        int id = type.opcode();
        if (id == ValType.ID.I32 || id == ValType.ID.I64) {
            boolean i32 = id == ValType.ID.I32;
            if (exact == null || !isWhole(exact)
                    || exact.compareTo(i32 ? I32_MIN : I64_MIN) < 0 || exact.compareTo(i32 ? I32_MAX : I64_MAX) > 0) {
                return null;
            }
            long bits = exact.toBigIntegerExact().longValue(); // the low 64 bits: 2^64-1 is -1
            if (i32) {
                return (int) bits; // the low 32 bits: 4294967295 is -1
            }
            return bits;
        }
        if (id == ValType.ID.F32) {
            return exact == null ? value.floatValue() : exact.floatValue(); // one rounding, straight to float
        }
        if (id == ValType.ID.F64) {
            return exact == null ? value.doubleValue() : exact.doubleValue();
        }
        return null;
    }

    /** The exact value of a finite number; null for NaN and the infinities. */
    private static BigDecimal exact(Number value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger whole) {
            return new BigDecimal(whole);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        return BigDecimal.valueOf(value.longValue());
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static boolean same(Number want, Number got) {
        if (want instanceof Float w && got instanceof Float g) {
            return w.isNaN() && g.isNaN() || w.floatValue() == g.floatValue();
        }
        if (want instanceof Double w && got instanceof Double g) {
            return w.isNaN() && g.isNaN() || w.doubleValue() == g.doubleValue();
        }
        return want.equals(got);
    }

    private static boolean isNumber(ValType type) {
        int id = type.opcode();
        return id == ValType.ID.I32 || id == ValType.ID.I64 || id == ValType.ID.F32 || id == ValType.ID.F64;
    }

    /** What an integer type can hold (any number converts to f32 and f64). */
    private static String range(ValType type) {
        return type.opcode() == ValType.ID.I32 ? "whole numbers from " + I32_MIN + " to " + I32_MAX
                : "whole numbers from " + I64_MIN + " to " + I64_MAX;
    }

    private static String values(int count) {
        return count == 1 ? "1 value" : count + " values";
    }
}
