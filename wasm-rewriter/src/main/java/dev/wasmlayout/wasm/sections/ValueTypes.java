package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;

/** Value type bytes of the core spec (no GC types). */
public final class ValueTypes {
    public static final int I32 = 0x7f;
    public static final int I64 = 0x7e;
    public static final int F32 = 0x7d;
    public static final int F64 = 0x7c;
    public static final int V128 = 0x7b;
    public static final int FUNCREF = 0x70;
    public static final int EXTERNREF = 0x6f;

    private ValueTypes() {
    }

    public static int read(ByteReader r) {
        int at = r.pos();
        int t = r.u8();
        switch (t) {
            case I32: case I64: case F32: case F64: case V128: case FUNCREF: case EXTERNREF:
                return t;
            default:
                if (t >= 0x60 && t <= 0x6e || t == 0x64 || t == 0x63) {
                    throw r.unsupportedAt(at, String.format("value type 0x%02x (GC / typed references) is not supported", t));
                }
                throw r.malformedAt(at, String.format("unknown value type 0x%02x", t));
        }
    }

    public static int readRefType(ByteReader r) {
        int at = r.pos();
        int t = read(r);
        if (t != FUNCREF && t != EXTERNREF) {
            throw r.malformedAt(at, String.format("expected a reference type, got 0x%02x", t));
        }
        return t;
    }

    public static String name(int t) {
        switch (t) {
            case I32: return "i32";
            case I64: return "i64";
            case F32: return "f32";
            case F64: return "f64";
            case V128: return "v128";
            case FUNCREF: return "funcref";
            case EXTERNREF: return "externref";
            default: return String.format("0x%02x", t);
        }
    }
}
