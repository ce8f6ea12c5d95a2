package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.CodeEmitter;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.GlobalType;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.Limits;

/** Encodings of the small section entries the patch strategies write anew. */
public final class Encoders {
    private Encoders() {
    }

    public static void limits(ByteWriter w, Limits l) {
        int flags = (l.hasMax() ? 1 : 0) | (l.shared() ? 2 : 0) | (l.memory64() ? 4 : 0);
        w.u8(flags);
        w.u64(l.min());
        if (l.hasMax()) {
            w.u64(l.max());
        }
    }

    public static void globalType(ByteWriter w, GlobalType t) {
        w.u8(t.valueType()).u8(t.mutable() ? 1 : 0);
    }

    public static byte[] importEntry(String module, Import i) {
        ByteWriter w = new ByteWriter();
        w.name(module).name(i.name()).u8(i.kind().code());
        switch (i.kind()) {
            case FUNC: w.u32(i.typeIndex()); break;
            case TABLE: w.u8(i.table().refType()); limits(w, i.table().limits()); break;
            case MEMORY: limits(w, i.memory()); break;
            case GLOBAL: globalType(w, i.global()); break;
            case TAG: w.u8(0).u32(i.typeIndex()); break; // attribute 0: exception
            default: throw new AssertionError(i.kind());
        }
        return w.toByteArray();
    }

    public static byte[] memoryImport(String module, String name, long min, long max) {
        ByteWriter w = new ByteWriter();
        w.name(module).name(name).u8(ExternalKind.MEMORY.code());
        limits(w, new Limits(min, max, false, false));
        return w.toByteArray();
    }

    public static byte[] export(String name, ExternalKind kind, int index) {
        return new ByteWriter().name(name).u8(kind.code()).u32(index).toByteArray();
    }

    /** {@code i32.const v; end}. */
    public static byte[] i32ConstExpr(long v) {
        return CodeEmitter.expression().i32Const(v).end();
    }
}
