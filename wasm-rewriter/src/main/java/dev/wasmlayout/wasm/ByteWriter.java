package dev.wasmlayout.wasm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the wasm integer encodings. */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(256);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + extra);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("output larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    public int size() {
        return size;
    }

    public ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public ByteWriter u32le(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    public ByteWriter u64le(long v) {
        u32le((int) v);
        return u32le((int) (v >>> 32));
    }

    /** Unsigned LEB128, minimal length. */
    public ByteWriter u32(long v) {
        return u64(v & 0xffffffffL);
    }

    public ByteWriter u64(long v) {
        ensure(10);
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            if (v != 0) {
                b |= 0x80;
            }
            buf[size++] = (byte) b;
        } while (v != 0);
        return this;
    }

    /** Signed LEB128, minimal length. */
    public ByteWriter s64(long v) {
        ensure(10);
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            if (done) {
                buf[size++] = (byte) b;
                return this;
            }
            buf[size++] = (byte) (b | 0x80);
        }
    }

    public ByteWriter s32(int v) {
        return s64(v);
    }

    /** Unsigned LEB128 padded to exactly 5 bytes, as linkers emit for relocatable sites. */
    public ByteWriter u32Padded(long v) {
        return u32Padded(v, 5);
    }

    /**
     * Unsigned LEB128 in exactly {@code width} bytes (1 to 5): continuation bits on all but the last,
     * the non-minimal form the spec allows, so a value can replace another in place.
     */
    public ByteWriter u32Padded(long value, int width) {
        long v = value & 0xffffffffL; // as u32(): the low 32 bits
        if (width < 1 || width > 5 || u32Size(v) > width) {
            throw new IllegalArgumentException(v + " does not fit a " + width + "-byte LEB128");
        }
        ensure(width);
        for (int i = 1; i < width; i++) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Writes a 5-byte padded unsigned LEB128 into {@code out} at {@code at}. */
    public static void writePaddedU32(byte[] out, int at, long v) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out[at + 4] = (byte) (v & 0x0f);
    }

    /** Writes a 5-byte padded signed LEB128 into {@code out} at {@code at}. */
    public static void writePaddedS32(byte[] out, int at, int v) {
        long x = v;
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) ((x & 0x7f) | 0x80);
            x >>= 7;
        }
        out[at + 4] = (byte) (x & 0x7f);
    }

    /** Writes a 10-byte padded signed LEB128 (64-bit relocation sites). */
    public static void writePaddedS64(byte[] out, int at, long v) {
        for (int i = 0; i < 9; i++) {
            out[at + i] = (byte) ((v & 0x7f) | 0x80);
            v >>= 7;
        }
        out[at + 9] = (byte) (v & 0x7f);
    }

    /** Number of bytes the minimal unsigned LEB128 of {@code v} takes. */
    public static int u32Size(long v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
