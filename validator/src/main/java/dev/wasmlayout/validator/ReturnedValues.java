package dev.wasmlayout.validator;

import com.dylibso.chicory.wasm.types.ValType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns the raw slots Chicory returns from an export into values typed by the export's result types,
 * and prints them the way Java prints those types: i32 and i64 as signed decimals (the C {@code int}
 * and {@code long long} a user wrote), f32 and f64 as Float/Double would ({@code 0.1}, {@code NaN}).
 */
final class ReturnedValues {
    private ReturnedValues() {
    }

    /**
     * One value per result type: Integer (i32), Long (i64), Float (f32), Double (f64). A v128 is its
     * unsigned 128-bit value as a BigInteger, a reference Chicory's reference number (-1 for null).
     */
    static List<Number> typed(long[] raw, List<ValType> types) {
        List<Number> values = new ArrayList<>();
        int slot = 0;
        for (ValType type : types) {
            int id = type.opcode();
            if (id == ValType.ID.I32) {
                values.add((int) raw[slot]);
            } else if (id == ValType.ID.I64) {
                values.add(raw[slot]);
            } else if (id == ValType.ID.F32) {
                values.add(Float.intBitsToFloat((int) raw[slot]));
            } else if (id == ValType.ID.F64) {
                values.add(Double.longBitsToDouble(raw[slot]));
            } else if (id == ValType.ID.V128) {
                values.add(unsigned(raw[slot + 1]).shiftLeft(64).or(unsigned(raw[slot])));
            } else {
                values.add(raw[slot]);
            }
            slot += ValType.sizeOf(List.of(type)); // a v128 takes two slots
        }
        return values;
    }

    /** {@code 38} for one value, {@code [1, 2]} for several, "" for none. */
    static String text(List<? extends Number> values) {
        if (values.size() == 1) {
            return String.valueOf(values.get(0));
        }
        return values.isEmpty() ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** "i32", "f64", as the wasm text format names the type. */
    static String name(ValType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static BigInteger unsigned(long bits) {
        return new BigInteger(Long.toUnsignedString(bits));
    }
}
