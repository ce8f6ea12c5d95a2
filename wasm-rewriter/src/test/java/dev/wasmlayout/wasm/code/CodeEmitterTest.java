package dev.wasmlayout.wasm.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The emitter's bytes against the encodings the spec gives (written out by hand, not from the opcode table). */
class CodeEmitterTest {
    @Test
    void blockTypesAreTheOneByteCodes() {
        assertThat(CodeEmitter.expression().block(Opcode.IF, ValueType.I32).op(Opcode.END).end())
                .containsExactly(0x04, 0x7f, 0x0b, 0x0b);
        assertThat(CodeEmitter.expression().block(Opcode.IF, CodeEmitter.NO_RESULT).op(Opcode.END).end())
                .containsExactly(0x04, 0x40, 0x0b, 0x0b);
    }

    @Test
    void aBodyStartsWithNoLocalsAndIndicesAreMinimalLebs() {
        assertThat(CodeEmitter.body().op(Opcode.CALL, 300).i32Const(-1).end())
                .containsExactly(0x00, 0x10, 0xac, 0x02, 0x41, 0x7f, 0x0b);
    }

    @Test
    void constantExpressions() {
        assertThat(CodeEmitter.expression().i32Const(1024).end()).containsExactly(0x41, 0x80, 0x08, 0x0b);
        assertThat(CodeEmitter.expression().op(Opcode.I64_CONST, -1).end()).containsExactly(0x42, 0x7f, 0x0b);
        assertThat(CodeEmitter.expression().op(Opcode.GLOBAL_GET, 3).end()).containsExactly(0x23, 0x03, 0x0b);
    }

    @Test
    void zeroOfEveryValueType() {
        CodeEmitter e = CodeEmitter.expression();
        for (int t : new int[] {ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64, ValueType.FUNCREF}) {
            e.zero(t);
        }
        assertThat(e.end()).containsExactly(0x41, 0x00, 0x42, 0x00, 0x43, 0, 0, 0, 0, 0x44, 0, 0, 0, 0, 0, 0, 0, 0,
                0xd0, 0x70, 0x0b);
        byte[] v128 = CodeEmitter.expression().zero(ValueType.V128).end();
        assertThat(v128).hasSize(2 + 16 + 1).startsWith((byte) 0xfd, (byte) 0x0c);
    }
}
