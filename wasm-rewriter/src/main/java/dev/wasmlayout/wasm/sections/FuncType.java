package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.Arrays;

/** A function signature; parameter and result types are value type bytes. */
public record FuncType(int[] params, int[] results) {
    /** The byte that starts a function type in the type section. */
    public static final int FORM = 0x60;

    /** The type's entry in the type section. */
    public void write(ByteWriter w) {
        w.u8(FORM).u32(params.length);
        for (int p : params) {
            w.u8(p);
        }
        w.u32(results.length);
        for (int r : results) {
            w.u8(r);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType f && Arrays.equals(params, f.params) && Arrays.equals(results, f.results);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(params) * 31 + Arrays.hashCode(results);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < params.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ValueType.name(params[i]));
        }
        sb.append(") -> (");
        for (int i = 0; i < results.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ValueType.name(results[i]));
        }
        return sb.append(')').toString();
    }
}
