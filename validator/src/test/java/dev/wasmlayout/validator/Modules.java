package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small hand-built modules over one page: region a at 0x1000, b at 0x2000, c at 0x3000 (4 KiB each). */
final class Modules {
    static final int[] I32_I32 = {WasmBuilder.I32, WasmBuilder.I32};

    private Modules() {
    }

    /** Exports store(addr, value): one i32.store in a function named "store_value". */
    static byte[] storer() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int t = b.type(I32_I32, new int[0]);
        b.export("store", b.function("store_value", t, 0, new WasmBuilder.Code().local(0).local(1).store().bytes()));
        return b.build();
    }

    /** Imports {@code module.name} (addr, value) and exports run(addr) calling it with 1. */
    static byte[] caller(String module, String name) {
        WasmBuilder b = new WasmBuilder();
        int t2 = b.type(I32_I32, new int[0]);
        int t1 = b.type(new int[] {WasmBuilder.I32}, new int[0]);
        int imported = b.importFunction(module, name, t2);
        b.importMemory("env", "memory", 1, 1);
        b.export("run", b.function("run_caller", t1, 0, new WasmBuilder.Code().local(0).i32(1).call(imported).bytes()));
        return b.build();
    }

    /**
     * Exports functions that only return constants: minus_one() i32 -1, minus_two() i64 -2, tenth() f32 0.1,
     * third() f64 1/3, not_a_number() f64 NaN, pair() (i32 7, i64 -1), and nothing() with no result.
     */
    static byte[] returner() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int[] none = new int[0];
        returning(b, "minus_one", b.type(none, new int[] {WasmBuilder.I32}), new WasmBuilder.Code().i32(-1));
        returning(b, "minus_two", b.type(none, new int[] {WasmBuilder.I64}), new WasmBuilder.Code().i64(-2));
        returning(b, "tenth", b.type(none, new int[] {WasmBuilder.F32}), new WasmBuilder.Code().f32(0.1f));
        int f64 = b.type(none, new int[] {WasmBuilder.F64});
        returning(b, "third", f64, new WasmBuilder.Code().f64(1.0 / 3));
        returning(b, "not_a_number", f64, new WasmBuilder.Code().f64(Double.NaN));
        returning(b, "pair", b.type(none, new int[] {WasmBuilder.I32, WasmBuilder.I64}),
                new WasmBuilder.Code().i32(7).i64(-1));
        returning(b, "nothing", b.type(none, none), new WasmBuilder.Code());
        return b.build();
    }

    private static void returning(WasmBuilder b, String name, int type, WasmBuilder.Code code) {
        b.export(name, b.function(name, type, 0, code.bytes()));
    }

    /** Exports spin(), a loop that never ends, and ok(). */
    static byte[] spinner() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int t = b.type(new int[0], new int[0]);
        b.export("spin", b.function("spin", t, 0, new WasmBuilder.Code().op(0x03, 0x40, 0x0c, 0x00, 0x0b).bytes()));
        b.export("ok", b.function("ok", t, 0, new byte[0]));
        return b.build();
    }

    /**
     * Exports big(addr): far more code than fits one JVM method (so the compiler leaves it to the
     * interpreter), then a store at addr.
     */
    static byte[] big() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int t = b.type(new int[] {WasmBuilder.I32}, new int[0]);
        WasmBuilder.Code c = new WasmBuilder.Code();
        for (int i = 0; i < 20_000; i++) {
            c.local(0).i32(i).op(0x6a).op(0x21, 1); // local.get 0; i32.const i; i32.add; local.set 1
        }
        c.local(0).i32(7).store();
        b.export("big", b.function("big_function", t, 1, c.bytes()));
        b.export("small", b.function("small_function", t, 0, new WasmBuilder.Code().local(0).i32(9).store().bytes()));
        return b.build();
    }

    static List<OwnedRegion> regions(String... owners) {
        List<OwnedRegion> out = new java.util.ArrayList<>();
        for (int i = 0; i < owners.length; i++) {
            out.add(new OwnedRegion(owners[i] + ".data", RegionKind.DATA, owners[i], 0x1000L * (i + 1), 0x1000L * (i + 2),
                    Set.of()));
        }
        return out;
    }

    static RunSet set(List<RunModule> modules, String... owners) {
        return new RunSet("env", "memory", 1, 1, modules, regions(owners));
    }

    static RunModule module(String name, byte[] wasm, Map<String, String> imports) {
        return new RunModule(name, wasm, imports, null, List.of(), Map.of());
    }
}
