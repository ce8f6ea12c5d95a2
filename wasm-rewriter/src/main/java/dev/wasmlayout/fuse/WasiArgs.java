package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One module's own argv and environment in a fused module, where the host has only one of each: the
 * module's {@code args_*} and {@code environ_*} WASI imports become functions that answer from
 * constants, writing into the caller's buffers with plain i32 stores (no bulk memory needed).
 * Each has the WASI type {@code (i32, i32) -> i32} and returns errno 0.
 */
final class WasiArgs {
    /** The WASI functions this class answers, in the order a module's glue functions are numbered. */
    static final List<String> NAMES = List.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get");

    private final List<byte[]> args;
    private final List<byte[]> env;

    /** {@code argv} includes argv[0]. */
    WasiArgs(List<String> argv, Map<String, String> environment) {
        this.args = strings(argv);
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            pairs.add(e.getKey() + "=" + e.getValue());
        }
        this.env = strings(pairs);
    }

    private static List<byte[]> strings(List<String> values) {
        List<byte[]> out = new ArrayList<>();
        for (String s : values) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            byte[] z = new byte[b.length + 1]; // NUL-terminated, as WASI hands them over
            System.arraycopy(b, 0, z, 0, b.length);
            out.add(z);
        }
        return out;
    }

    /** The body (locals + code) of the glue function for WASI function {@code name}. */
    byte[] body(String name) {
        switch (name) {
            case "args_get": return vectorGet(args);
            case "args_sizes_get": return sizesGet(args);
            case "environ_get": return vectorGet(env);
            case "environ_sizes_get": return sizesGet(env);
            default: throw new IllegalArgumentException(name);
        }
    }

    /** {@code (count_ptr, buf_size_ptr)}: stores the count and the bytes the strings need. */
    private static byte[] sizesGet(List<byte[]> values) {
        int total = 0;
        for (byte[] v : values) {
            total += v.length;
        }
        ByteWriter w = new ByteWriter().u32(0);
        store32(w, 0, 0, values.size());
        store32(w, 1, 0, total);
        return w.u8(0x41).s32(0).u8(0x0b).toByteArray();
    }

    /** {@code (pointers, buf)}: pointers[i] = buf + offset of string i, then the strings into buf. */
    private static byte[] vectorGet(List<byte[]> values) {
        ByteWriter w = new ByteWriter().u32(0);
        ByteWriter all = new ByteWriter();
        for (int i = 0; i < values.size(); i++) {
            w.u8(0x20).u32(0); // local.get pointers
            w.u8(0x20).u32(1).u8(0x41).s32(all.size()).u8(0x6a); // buf + offset
            w.u8(0x36).u32(0).u32(4L * i); // i32.store align=1 offset=4i
            all.bytes(values.get(i));
        }
        byte[] buf = all.toByteArray();
        int k = 0;
        for (; k + 4 <= buf.length; k += 4) {
            int word = (buf[k] & 0xff) | (buf[k + 1] & 0xff) << 8 | (buf[k + 2] & 0xff) << 16 | (buf[k + 3] & 0xff) << 24;
            store32(w, 1, k, word);
        }
        for (; k < buf.length; k++) {
            w.u8(0x20).u32(1).u8(0x41).s32(buf[k]).u8(0x3a).u32(0).u32(k); // i32.store8 offset=k
        }
        return w.u8(0x41).s32(0).u8(0x0b).toByteArray();
    }

    /** {@code i32.store offset=at (local.get local) (i32.const value)}, alignment 1 (the buffers may be unaligned). */
    private static void store32(ByteWriter w, int local, long at, int value) {
        w.u8(0x20).u32(local).u8(0x41).s32(value).u8(0x36).u32(0).u32(at);
    }
}
