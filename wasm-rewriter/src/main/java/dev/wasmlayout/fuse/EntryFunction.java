package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import java.util.List;
import java.util.Map;

/** The fused module's {@code _start}: the glue that performs the run steps, one call per step. */
final class EntryFunction {
    private EntryFunction() {
    }

    /** {@code _start}: the run's calls with their constant arguments, or every command and reactor entry point. */
    static byte[] body(List<FusePart> parts, Map<String, FusePart> byName, Fuser.Options o) {
        ByteWriter b = new ByteWriter().u32(0);
        if (o.calls() == null) {
            for (FusePart p : parts) {
                int f = exportedFunction(p, "_start");
                if (f < 0) {
                    f = exportedFunction(p, "_initialize");
                }
                if (f >= 0) {
                    b.u8(0x10).u32(p.functions[f]);
                }
            }
        } else {
            for (Fuser.Call c : o.calls()) {
                FusePart p = byName.get(c.module());
                if (p == null) {
                    throw new FuseException(c.module(), "a run step calls " + c.module() + "." + c.export()
                            + " but that module is not in the fused set");
                }
                int f = exportedFunction(p, c.export());
                if (f < 0) {
                    throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export()
                            + ", which the module does not export as a function");
                }
                FuncType t = p.s.functionType(f);
                if (t.params().length != c.args().size()) {
                    throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export() + " with "
                            + c.args().size() + " arguments; it takes " + t.params().length);
                }
                for (int k = 0; k < t.params().length; k++) {
                    constant(b, t.params()[k], c.args().get(k), p, c);
                }
                b.u8(0x10).u32(p.functions[f]);
                for (int k = 0; k < t.results().length; k++) {
                    b.u8(0x1a); // results are dropped
                }
            }
        }
        return b.u8(0x0b).toByteArray();
    }

    private static void constant(ByteWriter b, int type, long v, FusePart p, Fuser.Call c) {
        switch (type) {
            case ValueType.I32: b.u8(0x41).s32((int) v); break;
            case ValueType.I64: b.u8(0x42).s64(v); break;
            case ValueType.F32: b.u8(0x43).u32le(Float.floatToRawIntBits(v)); break;
            case ValueType.F64: b.u8(0x44).u64le(Double.doubleToRawLongBits(v)); break;
            default:
                throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export()
                        + ", which takes a " + ValueType.name(type) + " that a constant cannot give");
        }
    }

    private static int exportedFunction(FusePart p, String name) {
        return p.s.exportedIndex(ExternalKind.FUNC, name);
    }
}
