package dev.wasmlayout.wasm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a window {@code [pos, limit)} of a module's bytes. Offsets are absolute (from the
 * start of the file) so every error points at the real byte. Nothing here allocates from a declared
 * size before checking that those bytes exist.
 */
public final class ByteReader {
    private final byte[] bytes;
    private int pos;
    private final int limit;
    private final String section;

    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length, null);
    }

    public ByteReader(byte[] bytes, int start, int limit, String section) {
        if (start < 0 || limit > bytes.length || start > limit) {
            throw new IllegalArgumentException("window " + start + ".." + limit + " outside " + bytes.length);
        }
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
        this.section = section;
    }

    /** A reader over the next {@code length} bytes, for a nested structure; advances this reader past them. */
    public ByteReader sub(int length, String subSection) {
        require(length, "sub-structure");
        ByteReader r = new ByteReader(bytes, pos, pos + length, subSection);
        pos += length;
        return r;
    }

    public byte[] array() {
        return bytes;
    }

    public int pos() {
        return pos;
    }

    public void seek(int newPos) {
        if (newPos < 0 || newPos > limit) {
            throw new IllegalArgumentException("seek outside window");
        }
        pos = newPos;
    }

    public int limit() {
        return limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    public String section() {
        return section;
    }

    public WasmException malformed(String detail) {
        return WasmException.malformed(pos, section, detail);
    }

    public WasmException malformedAt(int offset, String detail) {
        return WasmException.malformed(offset, section, detail);
    }

    public WasmException invalidAt(int offset, String detail) {
        return WasmException.invalid(offset, section, detail);
    }

    public WasmException unsupportedAt(int offset, String detail) {
        return WasmException.unsupported(offset, section, detail);
    }

    /** Fails unless {@code n} more bytes exist in this window. */
    public void require(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw malformed("unexpected end: " + what + " needs " + n + " bytes, " + remaining() + " remain");
        }
    }

    /**
     * Checks a declared element count against the bytes left, assuming each element takes at least
     * {@code minBytesEach} bytes. Call before allocating anything sized by {@code count}.
     */
    public int checkCount(long count, int minBytesEach, String what) {
        if (count < 0 || count * (long) minBytesEach > remaining()) {
            throw malformed(what + " count " + count + " is larger than the " + remaining() + " bytes that follow");
        }
        return (int) count;
    }

    public int u8() {
        if (pos >= limit) {
            throw malformed("unexpected end of " + (section == null ? "module" : "section"));
        }
        return bytes[pos++] & 0xff;
    }

    public int peekU8() {
        if (pos >= limit) {
            throw malformed("unexpected end of " + (section == null ? "module" : "section"));
        }
        return bytes[pos] & 0xff;
    }

    public byte[] bytes(int n, String what) {
        require(n, what);
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n, String what) {
        require(n, what);
        pos += n;
    }

    public int u32le() {
        require(4, "u32");
        int v = (bytes[pos] & 0xff) | (bytes[pos + 1] & 0xff) << 8 | (bytes[pos + 2] & 0xff) << 16 | (bytes[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    public long u64le() {
        long lo = u32le() & 0xffffffffL;
        long hi = u32le() & 0xffffffffL;
        return lo | hi << 32;
    }

    /** Unsigned LEB128 of at most 32 bits: at most 5 bytes, unused bits of the last byte zero. */
    public long u32() {
        if (pos < limit && bytes[pos] >= 0) {
            return bytes[pos++]; // one byte (below 128): most indices, counts and alignments in code
        }
        int start = pos;
        long result = 0;
        int shift = 0;
        while (true) {
            if (pos >= limit) {
                throw malformedAt(start, "unexpected end inside LEB128 integer");
            }
            int b = bytes[pos++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 28 && (b & 0x70) != 0) {
                    throw malformedAt(start, "integer too large for u32");
                }
                return result;
            }
            shift += 7;
            if (shift >= 35) {
                throw malformedAt(start, "integer representation too long (u32 LEB128 over 5 bytes)");
            }
        }
    }

    /** u32 used as a count or index that must fit a Java int. */
    public int u32AsInt(String what) {
        int start = pos;
        long v = u32();
        if (v > Integer.MAX_VALUE) {
            throw malformedAt(start, what + " " + v + " is too large");
        }
        return (int) v;
    }

    /** Signed LEB128 of at most 32 bits. */
    public int s32() {
        if (pos < limit && bytes[pos] >= 0) {
            int b = bytes[pos++];
            return (b << 25) >> 25; // one byte: bit 6 is the sign
        }
        int start = pos;
        int result = 0;
        int shift = 0;
        int b;
        do {
            if (pos >= limit) {
                throw malformedAt(start, "unexpected end inside LEB128 integer");
            }
            b = bytes[pos++] & 0xff;
            if (shift == 28) {
                // last byte: bits beyond 32 must be a sign extension of bit 31
                int rest = b & 0x70;
                boolean negative = (b & 0x08) != 0;
                if ((b & 0x80) != 0) {
                    throw malformedAt(start, "integer representation too long (s32 LEB128 over 5 bytes)");
                }
                if (rest != (negative ? 0x70 : 0)) {
                    throw malformedAt(start, "integer too large for s32");
                }
            }
            result |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }

    /** Signed LEB128 of at most 64 bits. */
    public long s64() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (pos >= limit) {
                throw malformedAt(start, "unexpected end inside LEB128 integer");
            }
            b = bytes[pos++] & 0xff;
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformedAt(start, "integer representation too long (s64 LEB128 over 10 bytes)");
                }
                int rest = b & 0x7f;
                if (rest != 0 && rest != 0x7f) {
                    throw malformedAt(start, "integer too large for s64");
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** Unsigned LEB128 of at most 64 bits (memory64 limits and offsets). */
    public long u64() {
        int start = pos;
        long result = 0;
        int shift = 0;
        while (true) {
            if (pos >= limit) {
                throw malformedAt(start, "unexpected end inside LEB128 integer");
            }
            int b = bytes[pos++] & 0xff;
            if (shift == 63 && (b & 0xfe) != 0) {
                throw malformedAt(start, (b & 0x80) != 0 ? "integer representation too long (u64 LEB128 over 10 bytes)" : "integer too large for u64");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    /** Signed 33-bit LEB128 (block types). */
    public long s33() {
        int start = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (pos >= limit) {
                throw malformedAt(start, "unexpected end inside LEB128 integer");
            }
            b = bytes[pos++] & 0xff;
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformedAt(start, "integer representation too long (s33 LEB128 over 5 bytes)");
                }
                int rest = b & 0x60;
                boolean negative = (b & 0x10) != 0;
                if (rest != (negative ? 0x60 : 0)) {
                    throw malformedAt(start, "integer too large for s33");
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A length-prefixed UTF-8 name. */
    public String name(String what) {
        int start = pos;
        int len = u32AsInt(what + " length");
        require(len, what);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, pos, len)).toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw malformedAt(start, what + " is not valid UTF-8");
        }
    }

    public void expectEnd(String what) {
        if (pos != limit) {
            throw malformed(what + " ends early: " + (limit - pos) + " bytes left over");
        }
    }
}
