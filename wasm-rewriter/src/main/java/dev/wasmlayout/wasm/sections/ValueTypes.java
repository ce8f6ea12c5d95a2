package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.code.ValueType;

/** Reads value types in section entries (the codes are in {@link ValueType}); GC types are refused. */
public final class ValueTypes {
    private ValueTypes() {
    }

    public static int read(ByteReader r) {
        int at = r.pos();
        int t = r.u8();
        if (ValueType.isKnown(t)) {
            return t;
        }
        if (t >= 0x63 && t <= 0x6e) {
            throw r.unsupportedAt(at, String.format("value type 0x%02x (GC / typed references) is not supported", t));
        }
        throw r.malformedAt(at, String.format("unknown value type 0x%02x", t));
    }

    public static int readRefType(ByteReader r) {
        int at = r.pos();
        int t = read(r);
        if (!ValueType.isReference(t)) {
            throw r.malformedAt(at, String.format("expected a reference type, got 0x%02x", t));
        }
        return t;
    }
}
