package dev.wasmlayout.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteReaderTest {
    private static ByteReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteReader(b, 0, b.length, "test");
    }

    @Test
    void oneByteLebsReadAsTheirPaddedFormsAndMoveOneByte() {
        for (int b = 0; b < 128; b++) {
            ByteReader one = reader(b, 0x2a);
            assertThat(one.u32()).isEqualTo(reader(b | 0x80, 0x80, 0x00).u32()).isEqualTo(b);
            assertThat(one.pos()).isEqualTo(1);
            ByteReader signed = reader(b, 0x2a);
            int expected = b < 64 ? b : b - 128;
            assertThat(signed.s32()).isEqualTo(expected);
            assertThat(signed.pos()).isEqualTo(1);
            assertThat(reader(b | 0x80, b < 64 ? 0x00 : 0x7f).s32()).isEqualTo(expected);
        }
        // the byte past the window's end is not read, even when the array has it
        ByteReader cut = new ByteReader(new byte[] {0x05, 0x05}, 0, 1, "test");
        cut.u8();
        assertThatThrownBy(cut::u32).isInstanceOf(WasmException.class).hasMessageContaining("unexpected end");
        assertThatThrownBy(new ByteReader(new byte[] {0x05}, 1, 1, "test")::s32)
                .isInstanceOf(WasmException.class).hasMessageContaining("unexpected end");
    }

    @Test
    void readsUnsignedLebIncludingPaddedForms() {
        assertThat(reader(0xe5, 0x8e, 0x26).u32()).isEqualTo(624485);
        assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x00).u32()).isZero();
        assertThat(reader(0xff, 0xff, 0xff, 0xff, 0x0f).u32()).isEqualTo(0xffffffffL);
    }

    @Test
    void rejectsOverlongAndTooLargeU32() {
        assertThatThrownBy(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32())
                .isInstanceOf(WasmException.class).hasMessageContaining("too long").hasMessageContaining("byte 0 ");
        assertThatThrownBy(() -> reader(0xff, 0xff, 0xff, 0xff, 0x1f).u32())
                .isInstanceOf(WasmException.class).hasMessageContaining("too large for u32");
        assertThatThrownBy(() -> reader(0x80, 0x80).u32())
                .isInstanceOf(WasmException.class).hasMessageContaining("unexpected end inside LEB128");
    }

    @Test
    void readsSignedLeb() {
        assertThat(reader(0x7f).s32()).isEqualTo(-1);
        assertThat(reader(0xc0, 0xbb, 0x78).s32()).isEqualTo(-123456);
        assertThat(reader(0xff, 0xff, 0xff, 0xff, 0x07).s32()).isEqualTo(Integer.MAX_VALUE);
        assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x78).s32()).isEqualTo(Integer.MIN_VALUE);
        assertThat(reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s64()).isEqualTo(-1L);
        assertThat(reader(0x40).s33()).isEqualTo(-64);
    }

    @Test
    void rejectsSignedLebWithBadHighBits() {
        assertThatThrownBy(() -> reader(0xff, 0xff, 0xff, 0xff, 0x0f).s32())
                .isInstanceOf(WasmException.class).hasMessageContaining("too large for s32");
        assertThatThrownBy(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s64())
                .isInstanceOf(WasmException.class).hasMessageContaining("too long");
    }

    @Test
    void writerRoundTripsLebs() {
        long[] values = {0, 1, 63, 64, 127, 128, 624485, Integer.MAX_VALUE, 0xffffffffL};
        for (long v : values) {
            ByteWriter w = new ByteWriter().u32(v);
            assertThat(new ByteReader(w.toByteArray()).u32()).isEqualTo(v);
            assertThat(w.size()).isEqualTo(ByteWriter.u32Size(v));
        }
        long[] signed = {0, -1, 63, -64, 64, -65, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE};
        for (long v : signed) {
            assertThat(new ByteReader(new ByteWriter().s64(v).toByteArray()).s64()).isEqualTo(v);
        }
        byte[] padded = new byte[5];
        ByteWriter.writePaddedU32(padded, 0, 0xe60);
        assertThat(new ByteReader(padded).u32()).isEqualTo(0xe60);
        ByteWriter.writePaddedS32(padded, 0, -5);
        assertThat(new ByteReader(padded).s32()).isEqualTo(-5);
    }

    @Test
    void writerPadsAnUnsignedLebToAnyWidthTheValueFits() {
        long[] values = {0, 1, 127, 128, 16383, 16384, 624485, Integer.MAX_VALUE, 0xffffffffL};
        for (long v : values) {
            for (int width = ByteWriter.u32Size(v); width <= 5; width++) {
                byte[] b = new ByteWriter().u32Padded(v, width).toByteArray();
                assertThat(b).as("%d in %d bytes", v, width).hasSize(width);
                assertThat(new ByteReader(b).u32()).isEqualTo(v);
            }
        }
        assertThat(new ByteWriter().u32Padded(3, 2).toByteArray()).containsExactly(0x83, 0x00);
        assertThatThrownBy(() -> new ByteWriter().u32Padded(128, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteWriter().u32Padded(0, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsLargerThanTheRemainingBytesAreRefusedBeforeAllocating() {
        ByteReader r = reader(0xff, 0xff, 0xff, 0xff, 0x07, 0x00);
        long n = r.u32();
        assertThatThrownBy(() -> r.checkCount(n, 1, "type"))
                .isInstanceOf(WasmException.class)
                .hasMessage("malformed module at byte 5 (0x5) in test section: type count 2147483647 is larger than the 1 bytes that follow");
    }
}
