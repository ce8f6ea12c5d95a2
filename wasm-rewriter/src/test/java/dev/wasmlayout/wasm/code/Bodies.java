package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import java.util.Arrays;
import java.util.List;

/** Places test bodies at a non-zero offset inside a larger array, so absolute offsets are checked for real. */
final class Bodies {
    /** Where every test body starts in its backing array. */
    static final int BASE = 37;

    private Bodies() {
    }

    /** A reader whose window is exactly {@code body}, with junk bytes before and after it. */
    static ByteReader reader(byte[] body) {
        byte[] backing = new byte[BASE + body.length + 5];
        Arrays.fill(backing, (byte) 0xee);
        System.arraycopy(body, 0, backing, BASE, body.length);
        return new ByteReader(backing, BASE, BASE + body.length, "code");
    }

    static List<Instruction> decode(byte[] body) {
        return InstructionReader.forFunctionBody(reader(body)).readAll();
    }

    static byte[] reencode(List<Instruction> insns) {
        ByteWriter out = new ByteWriter();
        InstructionWriter.writeAll(insns, out);
        return out.toByteArray();
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }
}
