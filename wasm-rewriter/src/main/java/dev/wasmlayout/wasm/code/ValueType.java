package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;

/**
 * Single-byte value type codes as they appear in section entries, block types, typed select and
 * constant expressions, and reading them (GC types are refused).
 */
public final class ValueType {
    public static final int I32 = 0x7f;
    public static final int I64 = 0x7e;
    public static final int F32 = 0x7d;
    public static final int F64 = 0x7c;
    public static final int V128 = 0x7b;
    public static final int FUNCREF = 0x70;
    public static final int EXTERNREF = 0x6f;
    /** The exception reference of the final exception-handling proposal (try_table, throw_ref). */
    public static final int EXNREF = 0x69;

    private ValueType() {
    }

    /** True for the value types of the core spec and exnref (no GC or typed function references). */
    public static boolean isKnown(int code) {
        return (code >= V128 && code <= I32) || isReference(code);
    }

    public static boolean isReference(int code) {
        return code == FUNCREF || code == EXTERNREF || code == EXNREF;
    }

    public static String name(int code) {
        switch (code) {
            case I32: return "i32";
            case I64: return "i64";
            case F32: return "f32";
            case F64: return "f64";
            case V128: return "v128";
            case FUNCREF: return "funcref";
            case EXTERNREF: return "externref";
            case EXNREF: return "exnref";
            default: return String.format("0x%02x", code);
        }
    }

    /** Reads a value type of a section entry. */
    public static int read(ByteReader r) {
        int at = r.pos();
        int t = r.u8();
        if (isKnown(t)) {
            return t;
        }
        if (t >= 0x63 && t <= 0x6e) {
            throw r.unsupportedAt(at, String.format("value type 0x%02x (GC / typed references) is not supported", t));
        }
        throw r.malformedAt(at, String.format("unknown value type 0x%02x", t));
    }

    /** Reads a value type that must be a reference type (tables, element segments). */
    public static int readRefType(ByteReader r) {
        int at = r.pos();
        int t = read(r);
        if (!isReference(t)) {
            throw r.malformedAt(at, String.format("expected a reference type, got 0x%02x", t));
        }
        return t;
    }
}
