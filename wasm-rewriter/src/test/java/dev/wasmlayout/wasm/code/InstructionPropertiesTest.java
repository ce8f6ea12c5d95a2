package dev.wasmlayout.wasm.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.WasmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random straight-line bodies round-trip; random bytes fail only with WasmException. */
class InstructionPropertiesTest {

    @Property(tries = 1000)
    void randomBodiesRoundTrip(@ForAll("instructions") List<Instruction> insns) {
        List<Instruction> body = new ArrayList<>(insns);
        body.add(Instruction.of(Opcode.END));
        byte[] bytes = Samples.encode(body.toArray(new Instruction[0]));
        List<Instruction> decoded = Bodies.decode(bytes);
        assertThat(decoded).hasSameSizeAs(body);
        for (int i = 0; i < body.size(); i++) {
            assertThat(decoded.get(i).sameAs(body.get(i))).as("%s vs %s", decoded.get(i), body.get(i)).isTrue();
        }
        assertThat(Bodies.reencode(decoded)).isEqualTo(bytes);
    }

    @Property(tries = 2000)
    void garbageFailsOnlyWithWasmException(@ForAll @Size(max = 64) byte[] bytes) {
        try {
            Bodies.decode(bytes);
        } catch (WasmException expected) {
            // any kind is fine; other exception types are bugs
        }
    }

    @Property(tries = 1000)
    void skipSeesWhatNextSeesInRandomBodies(@ForAll("instructions") List<Instruction> insns) {
        List<Instruction> body = new ArrayList<>(insns);
        body.add(Instruction.of(Opcode.END));
        assertThat(trace(Samples.encode(body.toArray(new Instruction[0])), true))
                .isEqualTo(trace(Samples.encode(body.toArray(new Instruction[0])), false));
    }

    @Property(tries = 3000)
    void skipFailsWhereNextFails(@ForAll @Size(max = 64) byte[] bytes) {
        assertThat(trace(bytes, true)).isEqualTo(trace(bytes, false));
    }

    /** Opcode and start offset of each instruction, then how reading ended (with the error's message). */
    private static List<String> trace(byte[] body, boolean skip) {
        List<String> out = new ArrayList<>();
        var in = Bodies.reader(body);
        InstructionReader r = InstructionReader.forFunctionBody(in);
        try {
            while (r.hasNext()) {
                int at = in.pos();
                Opcode op = skip ? r.skip() : r.next().opcode();
                out.add(op.mnemonic() + "@" + at + "..." + in.pos());
            }
            out.add("end");
        } catch (WasmException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    @Provide
    Arbitrary<List<Instruction>> instructions() {
        List<Opcode> straight = Arrays.stream(Opcode.values())
                .filter(op -> !op.opensBlock() && op != Opcode.ELSE && op != Opcode.END && op != Opcode.CATCH
                        && op != Opcode.CATCH_ALL && op != Opcode.DELEGATE).toList();
        return Arbitraries.of(straight).flatMap(InstructionPropertiesTest::withRandomImmediates).list().ofMaxSize(40);
    }

    private static Arbitrary<Instruction> withRandomImmediates(Opcode op) {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        switch (op.immediate()) {
            case MEMARG:
                return Combinators.combine(Arbitraries.integers().between(0, 63), Arbitraries.longs(), u32, Arbitraries.of(0L, 1L))
                        .as((align, offset, mem, explicit) -> Instruction.of(op, align, offset, mem, mem != 0 ? 1 : explicit));
            case MEMARG_LANE:
                return Combinators.combine(Arbitraries.integers().between(0, 63), Arbitraries.longs(), u32, Arbitraries.integers().between(0, 255))
                        .as((align, offset, mem, lane) -> Instruction.memargLane(op, align, offset, mem, lane));
            case I32:
                return Arbitraries.integers().map(v -> Instruction.of(op, v));
            case I64:
            case F64:
                return Arbitraries.longs().map(v -> Instruction.of(op, v));
            case F32:
                return u32.map(v -> Instruction.of(op, v));
            case LANE:
                return Arbitraries.integers().between(0, 255).map(v -> Instruction.of(op, v));
            case HEAP_TYPE:
                return Arbitraries.of(ValueType.FUNCREF, ValueType.EXTERNREF, ValueType.EXNREF).map(v -> Instruction.of(op, v));
            case V128:
            case SHUFFLE:
                return Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> Instruction.withBytes(op, b));
            case SELECT_TYPES:
                return Arbitraries.of((byte) 0x7f, (byte) 0x7e, (byte) 0x7d, (byte) 0x7c, (byte) 0x7b, (byte) 0x70, (byte) 0x6f)
                        .array(byte[].class).ofMaxSize(3).map(Instruction::select);
            case LABEL_VECTOR:
                return Combinators.combine(u32, Arbitraries.integers().array(int[].class).ofMaxSize(5))
                        .as((d, t) -> Instruction.brTable(d, t));
            case NONE:
            case ZERO_BYTE:
                return Arbitraries.just(Instruction.of(op));
            default: {
                int n = op.immediate().intCount();
                return u32.list().ofSize(n).map(l -> Instruction.of(op, l.stream().mapToLong(Long::longValue).toArray()));
            }
        }
    }
}
