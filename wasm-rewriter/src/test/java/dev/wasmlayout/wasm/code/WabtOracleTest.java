package dev.wasmlayout.wasm.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.corpus.ModuleWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks our opcode table against an encoding made by another tool: all-opcodes.wasm was assembled
 * by wabt from all-opcodes.wat, one instruction per line.
 */
class WabtOracleTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WabtOracleTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The mnemonic of each instruction line of the function, the final spec name where a comment gives it. */
    private static List<String> expectedMnemonics() throws IOException {
        List<String> names = new ArrayList<>();
        boolean inFunc = false;
        for (String line : new String(resource("all-opcodes.wat"), StandardCharsets.UTF_8).split("\n")) {
            String t = line.trim();
            if (t.startsWith("(func")) {
                inFunc = true;
            } else if (inFunc && !t.startsWith(")") && !t.isEmpty()) {
                int comment = t.indexOf(";;");
                names.add(comment >= 0 ? t.substring(comment + 2).trim() : t.split(" ")[0]);
            }
        }
        return names;
    }

    @Test
    void decodesWabtEncodingOfEveryOpcode() throws IOException {
        byte[] module = resource("all-opcodes.wasm");
        List<ModuleWalker.Body> bodies = ModuleWalker.functionBodies(module);
        assertThat(bodies).hasSize(1);
        List<Instruction> insns = InstructionReader.forFunctionBody(bodies.get(0).reader(module)).readAll();

        List<String> decoded = new ArrayList<>();
        insns.subList(0, insns.size() - 1).forEach(i -> decoded.add(i.opcode().mnemonic()));
        assertThat(decoded).containsExactlyElementsOf(expectedMnemonics());

        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        insns.forEach(i -> seen.add(i.opcode()));
        // wabt 1.0.32 predates the final exception-handling instructions (Chicory checks those)
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).containsExactlyInAnyOrder(Opcode.TRY_TABLE, Opcode.THROW_REF);
    }

    @Test
    void reencodesWabtBodyByteForByte() throws IOException {
        byte[] module = resource("all-opcodes.wasm");
        ModuleWalker.Body body = ModuleWalker.functionBodies(module).get(0);
        ByteWriter out = new ByteWriter();
        InstructionWriter.writeAll(InstructionReader.forFunctionBody(body.reader(module)).readAll(), out);
        byte[] original = java.util.Arrays.copyOfRange(module, body.exprStart(), body.end());
        assertThat(out.toByteArray()).isEqualTo(original);
    }
}
