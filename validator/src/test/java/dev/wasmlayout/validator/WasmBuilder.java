package dev.wasmlayout.validator;

import dev.wasmlayout.wasm.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/** Test-only assembler for small modules: imports, functions with names, exports, active and passive data. */
final class WasmBuilder {
    static final int I32 = 0x7f;
    static final int I64 = 0x7e;
    static final int F32 = 0x7d;
    static final int F64 = 0x7c;

    private final List<byte[]> types = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();
    private final List<byte[]> tags = new ArrayList<>();
    private final List<byte[]> globals = new ArrayList<>();
    private int importedFunctions;
    private boolean passive;

    int type(int[] params, int[] results) {
        ByteWriter w = new ByteWriter().u8(0x60).u32(params.length);
        for (int p : params) {
            w.u8(p);
        }
        w.u32(results.length);
        for (int r : results) {
            w.u8(r);
        }
        types.add(w.toByteArray());
        return types.size() - 1;
    }

    int importFunction(String module, String name, int type) {
        if (!functionTypes.isEmpty()) {
            throw new IllegalStateException("imports come before functions");
        }
        imports.add(new ByteWriter().name(module).name(name).u8(0).u32(type).toByteArray());
        return importedFunctions++;
    }

    WasmBuilder importMemory(String module, String name, int min, int max) {
        imports.add(new ByteWriter().name(module).name(name).u8(2).u8(1).u32(min).u32(max).toByteArray());
        return this;
    }

    /** Adds a function whose code is {@code code} (no locals; the final end is added); returns its index. */
    int function(String name, int type, int locals, byte[] code) {
        return function(name, type, locals, I32, code);
    }

    /** As {@link #function(String, int, int, byte[])} with locals of {@code localType}. */
    int function(String name, int type, int locals, int localType, byte[] code) {
        functionTypes.add(type);
        ByteWriter w = new ByteWriter();
        if (locals > 0) {
            w.u32(1).u32(locals).u8(localType);
        } else {
            w.u32(0);
        }
        w.bytes(code).u8(0x0b);
        bodies.add(w.toByteArray());
        names.add(name);
        return importedFunctions + functionTypes.size() - 1;
    }

    /** Defines a mutable i32 global starting at {@code init}; returns its index. */
    int mutableGlobal(int init) {
        globals.add(new ByteWriter().u8(I32).u8(1).u8(0x41).s32(init).u8(0x0b).toByteArray());
        return globals.size() - 1;
    }

    /** Defines a tag (exception handling) of function type {@code type}; returns its index. */
    int tag(int type) {
        tags.add(new ByteWriter().u8(0).u32(type).toByteArray());
        return tags.size() - 1;
    }

    WasmBuilder export(String name, int function) {
        exports.add(new ByteWriter().name(name).u8(0).u32(function).toByteArray());
        return this;
    }

    WasmBuilder activeData(int offset, byte[] bytes) {
        data.add(new ByteWriter().u8(0).u8(0x41).s32(offset).u8(0x0b).u32(bytes.length).bytes(bytes).toByteArray());
        return this;
    }

    WasmBuilder passiveData(byte[] bytes) {
        passive = true;
        data.add(new ByteWriter().u8(1).u32(bytes.length).bytes(bytes).toByteArray());
        return this;
    }

    byte[] build() {
        ByteWriter out = new ByteWriter().u32le(0x6d736100).u32le(1);
        section(out, 1, types);
        section(out, 2, imports);
        List<byte[]> fs = new ArrayList<>();
        for (int t : functionTypes) {
            fs.add(new ByteWriter().u32(t).toByteArray());
        }
        section(out, 3, fs);
        section(out, 13, tags);
        section(out, 6, globals);
        section(out, 7, exports);
        if (passive) {
            byte[] count = new ByteWriter().u32(data.size()).toByteArray();
            out.u8(12).u32(count.length).bytes(count);
        }
        List<byte[]> code = new ArrayList<>();
        for (byte[] b : bodies) {
            code.add(new ByteWriter().u32(b.length).bytes(b).toByteArray());
        }
        section(out, 10, code);
        section(out, 11, data);
        ByteWriter fnames = new ByteWriter().u32(names.size());
        for (int i = 0; i < names.size(); i++) {
            fnames.u32(importedFunctions + i).name(names.get(i));
        }
        byte[] sub = fnames.toByteArray();
        byte[] payload = new ByteWriter().name("name").u8(1).u32(sub.length).bytes(sub).toByteArray();
        out.u8(0).u32(payload.length).bytes(payload);
        return out.toByteArray();
    }

    private static void section(ByteWriter out, int id, List<byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ByteWriter w = new ByteWriter().u32(entries.size());
        entries.forEach(w::bytes);
        byte[] b = w.toByteArray();
        out.u8(id).u32(b.length).bytes(b);
    }

    /** Instruction helpers. */
    static final class Code {
        private final ByteWriter w = new ByteWriter();

        Code i32(int v) {
            w.u8(0x41).s32(v);
            return this;
        }

        Code i64(long v) {
            w.u8(0x42).s64(v);
            return this;
        }

        Code f32(float v) {
            w.u8(0x43).u32le(Float.floatToRawIntBits(v));
            return this;
        }

        Code f64(double v) {
            w.u8(0x44).u64le(Double.doubleToRawLongBits(v));
            return this;
        }

        Code local(int i) {
            w.u8(0x20).u32(i);
            return this;
        }

        Code op(int... bytes) {
            for (int b : bytes) {
                w.u8(b);
            }
            return this;
        }

        Code u32(long v) {
            w.u32(v);
            return this;
        }

        /** i32.store at the address on the stack (align 2, offset 0). */
        Code store() {
            return op(0x36, 2, 0);
        }

        /** Appends instructions encoded by the rewriter's writer (the engine under test checks its encoding). */
        Code insns(dev.wasmlayout.wasm.code.Instruction... insns) {
            for (dev.wasmlayout.wasm.code.Instruction i : insns) {
                dev.wasmlayout.wasm.code.InstructionWriter.write(i, w);
            }
            return this;
        }

        Code call(int f) {
            w.u8(0x10).u32(f);
            return this;
        }

        byte[] bytes() {
            return w.toByteArray();
        }
    }
}
