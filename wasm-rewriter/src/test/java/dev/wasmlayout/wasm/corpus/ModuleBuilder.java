package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Samples;
import java.util.List;

/** Assembles a module from section payloads, plus the small encodings every section uses. */
public final class ModuleBuilder {
    public static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
            EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12, TAG = 13;
    public static final int KIND_FUNC = 0, KIND_TABLE = 1, KIND_MEMORY = 2, KIND_GLOBAL = 3, KIND_TAG = 4;

    private final ByteWriter out = new ByteWriter();
    private int sections;

    public ModuleBuilder() {
        out.u32le(0x6d736100).u32le(1);
    }

    public ModuleBuilder section(int id, ByteWriter payload) {
        out.u8(id).u32(payload.size()).bytes(payload.toByteArray());
        sections++;
        return this;
    }

    public ModuleBuilder custom(String name, ByteWriter payload) {
        ByteWriter p = new ByteWriter().name(name);
        p.bytes(payload.toByteArray());
        return section(CUSTOM, p);
    }

    /** Index the next section will get (relocation sections name their target by index). */
    public int nextSectionIndex() {
        return sections;
    }

    public byte[] build() {
        return out.toByteArray();
    }

    // ---- encodings shared by the sections

    /** A constant expression: the instructions and end. */
    public static byte[] expr(Instruction... insns) {
        ByteWriter w = new ByteWriter();
        for (Instruction i : insns) {
            Samples.encode(i, w);
        }
        return w.u8(0x0b).toByteArray();
    }

    public static ByteWriter limits(ByteWriter w, long min) {
        return w.u8(0x00).u32(min);
    }

    public static ByteWriter limits(ByteWriter w, long min, long max) {
        return w.u8(0x01).u32(min).u32(max);
    }

    public static ByteWriter sharedLimits(ByteWriter w, long min, long max) {
        return w.u8(0x03).u32(min).u32(max);
    }

    /** A function type. */
    public static ByteWriter funcType(ByteWriter w, int[] params, int[] results) {
        w.u8(0x60).u32(params.length);
        for (int p : params) {
            w.u8(p);
        }
        w.u32(results.length);
        for (int r : results) {
            w.u8(r);
        }
        return w;
    }

    /** A custom-section subsection (name, linking, dylink.0): id, size, payload. */
    public static ByteWriter subsection(ByteWriter w, int id, ByteWriter payload) {
        return w.u8(id).u32(payload.size()).bytes(payload.toByteArray());
    }

    /** A vector of byte strings already encoded. */
    public static ByteWriter vec(ByteWriter w, List<byte[]> items) {
        w.u32(items.size());
        items.forEach(w::bytes);
        return w;
    }

    /** The code section payload; {@code exprStarts} receives where each body's expression starts in it. */
    public static ByteWriter codeSection(List<FunctionBuilder> functions, int[] exprStarts) {
        ByteWriter w = new ByteWriter().u32(functions.size());
        for (int i = 0; i < functions.size(); i++) {
            FunctionBuilder f = functions.get(i);
            byte[] body = f.body();
            w.u32(body.length);
            if (exprStarts != null) {
                exprStarts[i] = w.size() + f.localsSize();
            }
            w.bytes(body);
        }
        return w;
    }
}
