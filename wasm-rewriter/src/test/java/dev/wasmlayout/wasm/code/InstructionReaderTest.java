package dev.wasmlayout.wasm.code;

import static dev.wasmlayout.wasm.code.Bodies.BASE;
import static dev.wasmlayout.wasm.code.Bodies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.WasmException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstructionReaderTest {

    private static void assertFails(byte[] body, WasmException.Kind kind, int offset, String detail) {
        ThrowingCallable decode = () -> Bodies.decode(body);
        assertThatThrownBy(decode).isInstanceOfSatisfying(WasmException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.detail()).contains(detail);
            assertThat(e.section()).isEqualTo("code");
        });
    }

    private static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    // ---- nesting

    @Test
    void hundredThousandNestedBlocksOnASmallStack() throws Exception {
        int n = 100_000;
        ByteWriter w = new ByteWriter(2 * n + 8);
        for (int i = 0; i < n; i++) {
            w.u8(0x02).u8(0x40);
        }
        for (int i = 0; i <= n; i++) {
            w.u8(0x0b);
        }
        byte[] body = w.toByteArray();
        AtomicReference<Object> result = new AtomicReference<>();
        // 128 KiB of stack: a decoder recursing per block would overflow long before depth 100,000
        Thread t = new Thread(null, () -> {
            try {
                InstructionReader r = InstructionReader.forFunctionBody(Bodies.reader(body));
                int maxDepth = 0;
                int count = 0;
                while (r.hasNext()) {
                    r.next();
                    count++;
                    maxDepth = Math.max(maxDepth, r.depth());
                }
                result.set(new int[] {count, maxDepth});
            } catch (Throwable e) {
                result.set(e);
            }
        }, "deep", 128 * 1024);
        t.start();
        t.join();
        assertThat(result.get()).isInstanceOf(int[].class);
        assertThat((int[]) result.get()).containsExactly(2 * n + 1, n);
    }

    @Test
    void deeplyNestedIfElseRoundTrips() {
        int n = 20_000;
        ByteWriter w = new ByteWriter();
        for (int i = 0; i < n; i++) {
            w.u8(0x41).u8(0x01).u8(0x04).u8(0x40);
        }
        for (int i = 0; i < n; i++) {
            w.u8(0x05).u8(0x01).u8(0x0b);
        }
        w.u8(0x0b);
        byte[] body = w.toByteArray();
        List<Instruction> insns = Bodies.decode(body);
        assertThat(Bodies.reencode(insns)).isEqualTo(body);
    }

    @Test
    void depthFollowsBlocks() {
        InstructionReader r = InstructionReader.forFunctionBody(Bodies.reader(bytes(0x02, 0x40, 0x03, 0x40, 0x0b, 0x0b, 0x0b)));
        int[] depths = new int[5];
        for (int i = 0; i < 5; i++) {
            r.next();
            depths[i] = r.depth();
        }
        assertThat(depths).containsExactly(1, 2, 1, 0, 0);
        assertThat(r.hasNext()).isFalse();
        assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void constExprModeStopsAfterItsEnd() {
        byte[] backing = bytes(0x99, 0x41, 0x05, 0x0b, 0x23, 0x01);
        ByteReader in = new ByteReader(backing, 1, backing.length, "global");
        List<Instruction> insns = InstructionReader.forConstExpr(in).readAll();
        assertThat(insns).hasSize(2);
        assertThat(in.pos()).isEqualTo(4);
    }

    // ---- unsupported opcodes: kind, offset of the opcode's first byte, hex in the message

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01 fc 40 0b          | unsupported opcode 0xfc 0x40",
        "01 fd ff 03 0b       | unsupported opcode 0xfd 0x1ff",
        "01 fd 9a 01 0b       | unsupported opcode 0xfd 0x9a",
        "01 1e 0b             | unsupported opcode 0x1e",
        "01 fe 4f 02 00 0b    | unsupported opcode 0xfe 0x4f",
        "01 fe 04 0b          | unsupported opcode 0xfe 0x04",
        "01 fc 12 00 0b       | unsupported opcode 0xfc 0x12",
        "01 d5 0b             | unsupported opcode 0xd5 (GC)",
        "01 fb 00 0b          | unsupported opcode 0xfb (GC)",
        "01 14 00 0b          | unsupported opcode 0x14 (typed function references)",
        "01 27 0b             | unsupported opcode 0x27",
        "01 ff 0b             | unsupported opcode 0xff",
    })
    void unknownOpcodesAreUnsupported(String body, String message) {
        assertFails(hex(body), WasmException.Kind.UNSUPPORTED, BASE + 1, message.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01 d0 6e 0b       | 2 | heap type 0x6e",
        "01 02 63 70 0b 0b | 2 | block type 0x63",
        "1c 01 64 70 0b    | 2 | value type 0x64 in select",
    })
    void unsupportedTypesPointAtTheTypeByte(String body, int at, String message) {
        assertFails(hex(body), WasmException.Kind.UNSUPPORTED, BASE + at, message.trim());
    }

    // ---- malformed: truncation and structure, with the offset of the bad byte or LEB

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01 41 80           | 2 | unexpected end inside LEB128",
        "42 ff ff ff        | 1 | unexpected end inside LEB128",
        "43 00 00           | 1 | f32 constant needs 4 bytes",
        "44 00 00 00 00 00  | 1 | f64 constant needs 8 bytes",
        "fd 0c 00 01 02 03  | 2 | v128 constant needs 16 bytes",
        "fd 0d 00 01        | 2 | shuffle lanes needs 16 bytes",
        "28 02              | 2 | unexpected end",
        "28 42              | 2 | unexpected end",
        "fd 54 00 00        | 4 | unexpected end",
        "fc                 | 1 | unexpected end",
        "fd 80 80 80 80 80  | 1 | too long",
        "0e 02 00           | 2 | br_table target count 2",
        "0e 01 00           | 3 | unexpected end",
        "11 00              | 2 | unexpected end",
        "02                 | 1 | unexpected end",
        "01                 | 1 | function body ends without its end (open blocks: 0)",
        "02 40              | 2 | (open blocks: 1)",
        "0b 01              | 1 | 1 bytes after the end of the function body",
        "05 0b              | 0 | else outside an if",
        "02 40 05 0b 0b     | 2 | else outside an if",
        "04 40 05 05 0b 0b  | 3 | second else in the same if",
        "28 80 01 00 0b     | 1 | memarg flags 0x80",
        "fe 03 01 0b        | 2 | atomic.fence expects a zero byte",
        "41 80 80 80 80 10  | 1 | integer too large for s32",
        "07 00 0b           | 0 | catch outside a try",
        "02 40 19 0b 0b     | 2 | catch_all outside a try",
        "06 40 19 07 00 0b 0b | 3 | catch after catch_all in the same try",
        "06 40 19 19 0b 0b  | 3 | catch_all after catch_all in the same try",
        "18 00 0b           | 0 | delegate outside a try",
        "06 40 07 00 18 00 0b | 4 | delegate after a catch in the same try",
        "06 40 19 18 00 0b  | 3 | delegate after a catch in the same try",
        "02 40 18 00 0b 0b  | 2 | delegate outside a try",
        "1f 40 01 04 00 0b 0b | 3 | try_table catch kind 0x4 is not 0-3",
        "1f 40 02 02 00 0b  | 3 | try_table catch clause count 2",
        "06 40              | 2 | (open blocks: 1)",
    })
    void malformedBodies(String body, int at, String message) {
        assertFails(hex(body), WasmException.Kind.MALFORMED, BASE + at, message.trim());
    }

    @Test
    void hugeDeclaredCountsFailBeforeAllocating() {
        assertFails(hex("0e ff ff ff ff 0f 00 0b"), WasmException.Kind.MALFORMED, BASE + 6, "br_table target count 4294967295");
        assertFails(hex("1c ff ff ff ff 0f 7f 0b"), WasmException.Kind.MALFORMED, BASE + 6, "select type count 4294967295");
        assertFails(hex("1f 40 ff ff ff ff 0f 02 00 0b"), WasmException.Kind.MALFORMED, BASE + 7,
                "try_table catch clause count 4294967295");
    }

    @Test
    void delegateClosesItsTryAndHandlersKeepTheDepth() {
        // try; try; delegate 0; catch 0; catch_all; end; end(function)
        byte[] body = hex("06 40 06 40 18 00 07 00 19 0b 0b");
        InstructionReader r = InstructionReader.forFunctionBody(new ByteReader(body, 0, body.length, "code"));
        List<Integer> depths = new java.util.ArrayList<>();
        while (r.hasNext()) {
            r.next();
            depths.add(r.depth());
        }
        assertThat(depths).containsExactly(1, 2, 1, 1, 1, 0, 0);
    }
}
