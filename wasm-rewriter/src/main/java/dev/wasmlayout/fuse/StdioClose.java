package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.ByteWriter;

/**
 * A module's own {@code fd_close} in a fused module. The modules share one WASI fd table (WAMR's
 * libc-wasi, node:wasi), so a module that closes stdout (zlib's minigzip does, through {@code gzclose})
 * would take it from every module after it. Closing fd 0, 1 or 2 therefore succeeds without reaching
 * the host; any other fd is the host's {@code fd_close}.
 */
final class StdioClose {
    static final String NAME = "fd_close";

    private StdioClose() {
    }

    /** {@code (func (param $fd i32) (result i32))} calling the fused module's fd_close import ({@code hostClose}) for fd > 2. */
    static byte[] body(int hostClose) {
        ByteWriter w = new ByteWriter().u32(0);
        w.u8(0x20).u32(0).u8(0x41).s32(3).u8(0x49); // local.get 0; i32.const 3; i32.lt_u
        w.u8(0x04).u8(0x7f); // if (result i32)
        w.u8(0x41).s32(0); // errno 0: closed, as far as this module is concerned
        w.u8(0x05); // else
        w.u8(0x20).u32(0).u8(0x10).u32(hostClose);
        return w.u8(0x0b).u8(0x0b).toByteArray();
    }
}
