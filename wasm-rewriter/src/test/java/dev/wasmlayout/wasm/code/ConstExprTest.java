package dev.wasmlayout.wasm.code;

import static dev.wasmlayout.wasm.code.Bodies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.WasmException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Constant expressions, including the extended-const proposal's i32/i64 add, sub and mul. */
class ConstExprTest {

    /** Reads {@code expr} placed at offset 3 of a buffer with one trailing byte, as in a section. */
    private static ConstExpr read(byte[] expr) {
        byte[] backing = new byte[expr.length + 4];
        System.arraycopy(expr, 0, backing, 3, expr.length);
        backing[backing.length - 1] = 0x77;
        ByteReader in = new ByteReader(backing, 3, backing.length, "global");
        ConstExpr c = ConstExpr.read(in);
        assertThat(in.pos()).isEqualTo(3 + expr.length);
        ByteWriter again = new ByteWriter();
        InstructionWriter.writeAll(c.instructions(), again);
        assertThat(again.toByteArray()).isEqualTo(expr);
        assertThat(c.start()).isEqualTo(3);
        assertThat(c.end()).isEqualTo(3 + expr.length);
        return c;
    }

    @Test
    void plainConstants() {
        assertThat(read(bytes(0x41, 0x80, 0x08, 0x0b)).value()).hasValue(1024);
        assertThat(read(bytes(0x41, 0x7f, 0x0b)).value()).hasValue(0xffffffffL);
        assertThat(read(bytes(0x42, 0x7f, 0x0b)).value()).hasValue(-1);
        ConstExpr f32 = read(bytes(0x43, 0x00, 0x00, 0xc0, 0x3f, 0x0b));
        assertThat(f32.resultType()).isEqualTo(ValueType.F32);
        assertThat(f32.value()).hasValue(Float.floatToIntBits(1.5f));
        assertThat(read(bytes(0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x0b)).value()).hasValue(Double.doubleToLongBits(1.0));
    }

    @Test
    void referencesAndVectorsHaveATypeButNoLongValue() {
        ConstExpr nullFunc = read(bytes(0xd0, 0x70, 0x0b));
        assertThat(nullFunc.resultType()).isEqualTo(ValueType.FUNCREF);
        assertThat(nullFunc.value()).isEmpty();
        assertThat(read(bytes(0xd0, 0x6f, 0x0b)).resultType()).isEqualTo(ValueType.EXTERNREF);
        assertThat(read(bytes(0xd2, 0x03, 0x0b)).resultType()).isEqualTo(ValueType.FUNCREF);
        byte[] v128 = new byte[19];
        v128[0] = (byte) 0xfd;
        v128[1] = 0x0c;
        v128[18] = 0x0b;
        ConstExpr vec = read(v128);
        assertThat(vec.resultType()).isEqualTo(ValueType.V128);
        assertThat(vec.value()).isEmpty();
    }

    @Test
    void globalGetNeedsAResolver() {
        ConstExpr g = read(bytes(0x23, 0x02, 0x0b));
        assertThat(g.resultType()).isEqualTo(ConstExpr.UNKNOWN_TYPE);
        assertThat(g.value()).isEmpty();
        assertThat(g.value(i -> i == 2 ? OptionalLong.of(4096) : OptionalLong.empty())).hasValue(4096);
    }

    // ---- extended-const

    @Test
    void extendedConstArithmetic() {
        // (10 + 20) * 3
        ConstExpr e = read(bytes(0x41, 0x0a, 0x41, 0x14, 0x6a, 0x41, 0x03, 0x6c, 0x0b));
        assertThat(e.resultType()).isEqualTo(ValueType.I32);
        assertThat(e.value()).hasValue(90);
        // i32 wraps and is zero-extended
        assertThat(read(bytes(0x41, 0x00, 0x41, 0x01, 0x6b, 0x0b)).value()).hasValue(0xffffffffL);
        assertThat(read(bytes(0x41, 0xff, 0xff, 0xff, 0xff, 0x07, 0x41, 0x01, 0x6a, 0x0b)).value()).hasValue(0x80000000L);
        // i64: 7 - 10, times 3
        assertThat(read(bytes(0x42, 0x07, 0x42, 0x0a, 0x7d, 0x42, 0x03, 0x7e, 0x0b)).value()).hasValue(-9);
    }

    @Test
    void picStyleBasePlusOffset() {
        // global.get __memory_base; i32.const 16; i32.add
        ConstExpr e = read(bytes(0x23, 0x00, 0x41, 0x10, 0x6a, 0x0b));
        assertThat(e.resultType()).isEqualTo(ValueType.I32);
        assertThat(e.value()).isEmpty();
        assertThat(e.value(i -> OptionalLong.of(65536))).hasValue(65552);
        assertThat(e.toString()).isEqualTo("global.get 0 i32.const 16 i32.add");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "41 00 28 02 00 0b | 2 | i32.load is not allowed",
        "02 40 0b 0b       | 0 | block is not allowed",
        "41 01 41 02 6d 0b | 4 | i32.div_s is not allowed",
        "41 01 6a 0b       | 2 | i32.add needs two operands",
        "41 01 42 01 6a 0b | 4 | i32.add expects i32 operands, got i64",
        "42 01 42 01 6a 0b | 4 | i32.add expects i32 operands, got i64",
        "43 00 00 00 00 42 01 7c 0b | 7 | i64.add expects i64 operands, got f32",
        "41 01 41 02 0b    | 4 | leaves 2 values",
        "0b                | 0 | leaves 0 values",
    })
    void nonConstantOrIllTypedIsInvalid(String hex, int at, String message) {
        String[] parts = hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        ByteReader in = new ByteReader(b, 0, b.length, "global");
        assertThatThrownBy(() -> ConstExpr.read(in)).isInstanceOfSatisfying(WasmException.class, e -> {
            assertThat(e.kind()).isEqualTo(WasmException.Kind.INVALID);
            assertThat(e.offset()).isEqualTo(at);
            assertThat(e.detail()).contains(message.trim());
        });
    }

    @Test
    void truncatedIsMalformed() {
        ByteReader in = new ByteReader(bytes(0x41, 0x05), 0, 2, "data");
        assertThatThrownBy(() -> ConstExpr.read(in)).isInstanceOfSatisfying(WasmException.class, e -> {
            assertThat(e.kind()).isEqualTo(WasmException.Kind.MALFORMED);
            assertThat(e.offset()).isEqualTo(2);
        });
    }

    @Test
    void extendedConstWithAGlobalTheResolverKnows() {
        ConstExpr sum = read(bytes(0x23, 0x00, 0x41, 0x08, 0x6a, 0x0b));
        assertThat(sum.value(i -> OptionalLong.of(100))).hasValue(108);
        assertThat(sum.value()).isEmpty();
    }

    @Test
    void oneReadFromAModuleKnowsWhereItSits() {
        // a byte before the expression, then global.get 5; end, then one byte after
        ByteReader in = new ByteReader(bytes(0x00, 0x23, 0x05, 0x0b, 0x00), 1, 5, "global");
        ConstExpr e = ConstExpr.read(in);
        assertThat(e.start()).isEqualTo(1);
        assertThat(e.end()).isEqualTo(4);
        assertThat(e.globalGet()).isEqualTo(5);
        assertThat(e.readsGlobals()).isTrue();
        assertThat(e.value()).isEmpty();
        ConstExpr sum = ConstExpr.read(new ByteReader(bytes(0x41, 0x10, 0x23, 0x00, 0x6a, 0x0b), 0, 6, "global"));
        assertThat(sum.globalGet()).isEqualTo(-1); // not a lone global.get
        assertThat(sum.readsGlobals()).isTrue();
    }
}
