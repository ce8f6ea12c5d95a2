package dev.wasmlayout.wasm.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every opcode, grouped by proposal: a body holding a sample encoding decodes to the same
 * opcode and immediates at the right offsets, and re-encodes to the same bytes. Variants cover the
 * immediate forms one sample cannot (explicit memory indices, memory64 offsets, type-index blocks).
 * Writer and reader share the opcode table, so a wrong entry would round-trip unnoticed: every
 * instruction's bytes are also checked against opcode-bytes.txt, the opcode bytes wabt wrote for
 * each mnemonic (an oracle independent of the table).
 */
class OpcodeRoundTripTest {
    /** Mnemonic to the opcode bytes (hex, space separated) wabt encodes it with; select has two. */
    private static final Map<String, List<String>> ORACLE = oracle();

    private static Map<String, List<String>> oracle() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (InputStream in = OpcodeRoundTripTest.class.getResourceAsStream("opcode-bytes.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                rows.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>()).add(line.substring(space + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** Fails unless {@code insn} is encoded with the opcode bytes wabt uses for its mnemonic. */
    static void assertOpcodeBytesMatchTheOracle(Instruction insn) {
        String encoded = hex(InstructionWriter.encode(insn)) + " ";
        assertThat(ORACLE.get(insn.opcode().mnemonic())).as("opcode bytes of %s", insn.opcode().mnemonic())
                .isNotNull().anyMatch(row -> encoded.startsWith(row + " "));
    }

    @Test
    void theOracleHasOneRowPerOpcode() {
        int rows = ORACLE.values().stream().mapToInt(List::size).sum();
        assertThat(rows).isEqualTo(Opcode.values().length);
        for (Opcode op : Opcode.values()) {
            assertOpcodeBytesMatchTheOracle(Samples.sample(op));
        }
    }

    /**
     * Wraps {@code insns} into a complete body (a lone block opener or else gets its if and end),
     * checks decode and re-encode, returns the decoded list.
     */
    static List<Instruction> roundTrip(Instruction... insns) {
        List<Instruction> body = new ArrayList<>(Arrays.asList(insns));
        Opcode first = insns[0].opcode();
        boolean handler = first == Opcode.CATCH || first == Opcode.CATCH_ALL || first == Opcode.DELEGATE;
        if (first == Opcode.ELSE) {
            body.add(0, Instruction.of(Opcode.IF, -64));
        }
        if (handler) {
            body.add(0, Instruction.of(Opcode.TRY, -64));
        }
        if (insns.length == 1 && (first.opensBlock() || first == Opcode.ELSE || first == Opcode.CATCH || first == Opcode.CATCH_ALL)) {
            body.add(Instruction.of(Opcode.END));
        }
        if (first != Opcode.END) {
            body.add(Instruction.of(Opcode.END));
        }
        body.forEach(OpcodeRoundTripTest::assertOpcodeBytesMatchTheOracle);
        byte[] bytes = Samples.encode(body.toArray(new Instruction[0]));
        List<Instruction> decoded = Bodies.decode(bytes);

        assertThat(decoded).hasSameSizeAs(body);
        int offset = Bodies.BASE;
        for (int i = 0; i < body.size(); i++) {
            Instruction want = body.get(i).withOffset(offset);
            assertThat(decoded.get(i)).isEqualTo(want);
            offset += Samples.encode(body.get(i)).length;
        }
        assertThat(Bodies.reencode(decoded)).isEqualTo(bytes);
        return decoded;
    }

    static Stream<Opcode> ops(Feature feature) {
        return Arrays.stream(Opcode.values()).filter(op -> op.feature() == feature);
    }

    static Stream<Opcode> mvpOps() {
        return ops(Feature.MVP);
    }

    static Stream<Opcode> signExtensionOps() {
        return ops(Feature.SIGN_EXTENSION);
    }

    static Stream<Opcode> saturatingConversionOps() {
        return ops(Feature.SATURATING_CONVERSION);
    }

    static Stream<Opcode> bulkMemoryOps() {
        return ops(Feature.BULK_MEMORY);
    }

    static Stream<Opcode> referenceTypesOps() {
        return ops(Feature.REFERENCE_TYPES);
    }

    static Stream<Opcode> simdOps() {
        return ops(Feature.SIMD);
    }

    static Stream<Opcode> relaxedSimdOps() {
        return ops(Feature.RELAXED_SIMD);
    }

    static Stream<Opcode> threadsOps() {
        return ops(Feature.THREADS);
    }

    static Stream<Opcode> tailCallOps() {
        return ops(Feature.TAIL_CALL);
    }

    static Stream<Opcode> exceptionOps() {
        return Stream.concat(ops(Feature.EXCEPTION_HANDLING), ops(Feature.LEGACY_EXCEPTION_HANDLING));
    }

    @Test
    void everyFeatureIsTestedBelow() {
        assertThat(EnumSet.allOf(Feature.class)).containsExactlyInAnyOrder(Feature.MVP, Feature.SIGN_EXTENSION,
                Feature.SATURATING_CONVERSION, Feature.BULK_MEMORY, Feature.REFERENCE_TYPES, Feature.SIMD,
                Feature.RELAXED_SIMD, Feature.THREADS, Feature.TAIL_CALL, Feature.EXCEPTION_HANDLING,
                Feature.LEGACY_EXCEPTION_HANDLING);
    }

    @Test
    void opcodeCountsMatchTheSpecs() {
        assertThat(ops(Feature.MVP)).hasSize(172);
        assertThat(ops(Feature.SIGN_EXTENSION)).hasSize(5);
        assertThat(ops(Feature.SATURATING_CONVERSION)).hasSize(8);
        assertThat(ops(Feature.BULK_MEMORY)).hasSize(7);
        assertThat(ops(Feature.REFERENCE_TYPES)).hasSize(9);
        assertThat(ops(Feature.SIMD)).hasSize(236);
        assertThat(ops(Feature.RELAXED_SIMD)).hasSize(20);
        assertThat(ops(Feature.THREADS)).hasSize(67);
        assertThat(ops(Feature.TAIL_CALL)).hasSize(2);
        assertThat(ops(Feature.EXCEPTION_HANDLING)).containsExactly(Opcode.THROW, Opcode.THROW_REF, Opcode.TRY_TABLE);
        assertThat(ops(Feature.LEGACY_EXCEPTION_HANDLING)).containsExactly(Opcode.TRY, Opcode.CATCH, Opcode.RETHROW,
                Opcode.DELEGATE, Opcode.CATCH_ALL);
    }

    @Test
    void lookupFindsEveryOpcodeByItsBytes() {
        for (Opcode op : Opcode.values()) {
            assertThat(op.prefix() == 0 ? Opcode.lookup(op.code()) : Opcode.lookup(op.prefix(), op.code())).isSameAs(op);
        }
    }

    // ---- MVP

    @ParameterizedTest(name = "{0}")
    @MethodSource("mvpOps")
    void mvp(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 63, 64, -64, -65, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void i32ConstValues(int v) {
        roundTrip(Instruction.i32Const(v), Instruction.of(Opcode.DROP));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 63, 64, -64, -65, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35})
    void i64ConstValues(long v) {
        roundTrip(Instruction.i64Const(v), Instruction.of(Opcode.DROP));
    }

    @Test
    void floatConstantsKeepTheirBits() {
        List<Instruction> d = roundTrip(Instruction.of(Opcode.F32_CONST, 0xffc00001L), Instruction.of(Opcode.F64_CONST, -0L));
        assertThat(d.get(0).value()).isEqualTo(0xffc00001L);
    }

    @Test
    void memargForms() {
        List<Instruction> d = roundTrip(
                Instruction.memarg(Opcode.I32_LOAD, 2, 0, 0),
                Instruction.memarg(Opcode.I64_STORE, 0, 0xffffffffL, 0),
                Instruction.of(Opcode.I32_LOAD8_U, 0, 16, 0, 1),          // explicit memory index 0
                Instruction.memarg(Opcode.F64_LOAD, 3, 1L << 40, 1),      // multi-memory, memory64 offset
                Instruction.memarg(Opcode.I32_STORE16, 1, -1L, 200));     // u64 max offset
        assertThat(d.get(2).explicitMemoryIndex()).isTrue();
        assertThat(d.get(2).memoryIndex()).isZero();
        assertThat(d.get(3).memoryIndex()).isEqualTo(1);
        assertThat(d.get(3).memoryOffset()).isEqualTo(1L << 40);
        assertThat(d.get(3).alignExponent()).isEqualTo(3);
        assertThat(d.get(4).memoryOffset()).isEqualTo(-1L);
        assertThat(d.get(4).memoryIndex()).isEqualTo(200);
    }

    @Test
    void explicitMemoryIndexSetsFlagBitSix() {
        byte[] body = Bodies.bytes(0x28, 0x42, 0x01, 0x08, 0x0b);
        Instruction load = Bodies.decode(body).get(0);
        assertThat(load.alignExponent()).isEqualTo(2);
        assertThat(load.memoryIndex()).isEqualTo(1);
        assertThat(load.memoryOffset()).isEqualTo(8);
    }

    @Test
    void memorySizeAndGrowTakeAMemoryIndex() {
        List<Instruction> d = roundTrip(Instruction.of(Opcode.MEMORY_SIZE, 3), Instruction.of(Opcode.MEMORY_GROW, 0));
        assertThat(d.get(0).memoryIndex()).isEqualTo(3);
    }

    @Test
    void brTableForms() {
        List<Instruction> d = roundTrip(Instruction.brTable(0), Instruction.brTable(5, 1, 2, 3, 128, 0));
        assertThat(d.get(0).targetCount()).isZero();
        assertThat(d.get(1).target(3)).isEqualTo(128);
        assertThat(d.get(1).value()).isEqualTo(5);
    }

    @Test
    void nestedIfElse() {
        roundTrip(Instruction.of(Opcode.IF, -1), Instruction.i32Const(1), Instruction.of(Opcode.ELSE),
                Instruction.of(Opcode.IF, -64), Instruction.of(Opcode.END), Instruction.i32Const(2), Instruction.of(Opcode.END));
    }

    // ---- sign extension, saturating conversion

    @ParameterizedTest(name = "{0}")
    @MethodSource("signExtensionOps")
    void signExtension(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saturatingConversionOps")
    void saturatingConversion(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    // ---- bulk memory

    @ParameterizedTest(name = "{0}")
    @MethodSource("bulkMemoryOps")
    void bulkMemory(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void bulkMemoryWithSeveralMemories() {
        List<Instruction> d = roundTrip(Instruction.of(Opcode.MEMORY_INIT, 4, 2), Instruction.of(Opcode.MEMORY_COPY, 1, 2),
                Instruction.of(Opcode.MEMORY_FILL, 3));
        assertThat(d.get(0).memoryIndex()).isEqualTo(2);
        assertThat(d.get(0).imm(0)).isEqualTo(4);
        assertThat(d.get(1).memoryIndex()).isEqualTo(1);
        assertThat(d.get(1).sourceMemoryIndex()).isEqualTo(2);
        assertThat(d.get(2).memoryIndex()).isEqualTo(3);
    }

    // ---- reference types

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceTypesOps")
    void referenceTypes(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void typedSelectAndRefNullForms() {
        roundTrip(Instruction.select((byte) 0x7f), Instruction.select((byte) 0x70), Instruction.select(),
                Instruction.of(Opcode.REF_NULL, 0x70), Instruction.of(Opcode.CALL_INDIRECT, 0, 5));
    }

    // ---- multi-value: block types that are type indices (s33)

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 63, 64, 127, 128, 8191, 8192, 0xffffffffL})
    void blockTypeIndices(long typeIndex) {
        for (Opcode op : new Opcode[] {Opcode.BLOCK, Opcode.LOOP, Opcode.IF}) {
            assertThat(roundTrip(Instruction.of(op, typeIndex)).get(0).blockType()).isEqualTo(typeIndex);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f})
    void blockTypeValueTypes(int code) {
        List<Instruction> d = Bodies.decode(Bodies.bytes(0x02, code, 0x0b, 0x0b));
        assertThat(d.get(0).blockType()).isEqualTo(code - 128);
        assertThat(Bodies.reencode(d)).isEqualTo(Bodies.bytes(0x02, code, 0x0b, 0x0b));
    }

    // ---- SIMD

    @ParameterizedTest(name = "{0}")
    @MethodSource("simdOps")
    void simd(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void simdImmediateForms() {
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) 0xff);
        List<Instruction> d = roundTrip(Instruction.withBytes(Opcode.V128_CONST, ones),
                Instruction.withBytes(Opcode.I8X16_SHUFFLE, Samples.sequence(0, 2)),
                Instruction.of(Opcode.I8X16_EXTRACT_LANE_S, 0),
                Instruction.memargLane(Opcode.V128_LOAD64_LANE, 3, 0, 1, 1),
                Instruction.memarg(Opcode.V128_LOAD, 4, 1L << 33, 2));
        assertThat(d.get(0).byteAt(15)).isEqualTo(0xff);
        assertThat(d.get(3).lane()).isEqualTo(1);
        assertThat(d.get(3).memoryIndex()).isEqualTo(1);
    }

    @Test
    void simdSubOpcodesAboveOneByteUseLeb() {
        // i32x4.trunc_sat_f64x2_u_zero is 0xfd 0xfd 0x01; relaxed dot-add 0xfd 0x93 0x02
        List<Instruction> d = Bodies.decode(Bodies.bytes(0xfd, 0xfd, 0x01, 0xfd, 0x93, 0x02, 0x0b));
        assertThat(d.get(0).opcode()).isEqualTo(Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO);
        assertThat(d.get(1).opcode()).isEqualTo(Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S);
        assertThat(d.get(1).offset()).isEqualTo(Bodies.BASE + 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relaxedSimdOps")
    void relaxedSimd(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    // ---- threads

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadsOps")
    void threads(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void atomicsOnAnotherMemory() {
        List<Instruction> d = roundTrip(Instruction.memarg(Opcode.I64_ATOMIC_RMW32_CMPXCHG_U, 2, 4, 1),
                Instruction.memarg(Opcode.MEMORY_ATOMIC_WAIT64, 3, 0, 0), Instruction.of(Opcode.ATOMIC_FENCE));
        assertThat(d.get(0).memoryIndex()).isEqualTo(1);
        assertThat(Bodies.reencode(d.subList(2, 3))).isEqualTo(Bodies.bytes(0xfe, 0x03, 0x00));
    }

    // ---- tail calls

    @ParameterizedTest(name = "{0}")
    @MethodSource("tailCallOps")
    void tailCalls(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void tailCallEncodings() {
        assertThat(Bodies.reencode(roundTrip(Instruction.of(Opcode.RETURN_CALL, 2),
                Instruction.of(Opcode.RETURN_CALL_INDIRECT, 1, 0))))
                .isEqualTo(Bodies.bytes(0x12, 0x02, 0x13, 0x01, 0x00, 0x0b));
    }

    // ---- exception handling

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptionOps")
    void exceptionHandling(Opcode op) {
        roundTrip(Samples.sample(op));
    }

    @Test
    void legacyTryCatchDelegateRethrowBytes() {
        // what clang 19 emits for setjmp/longjmp, nested as in a function that calls setjmp twice
        List<Instruction> d = roundTrip(
                Instruction.of(Opcode.TRY, -64),
                Instruction.of(Opcode.TRY, -1), Instruction.i32Const(7), Instruction.of(Opcode.DELEGATE, 0),
                Instruction.of(Opcode.THROW, 1),
                Instruction.of(Opcode.CATCH, 1), Instruction.of(Opcode.RETHROW, 0),
                Instruction.of(Opcode.CATCH_ALL), Instruction.of(Opcode.RETHROW, 0),
                Instruction.of(Opcode.END));
        assertThat(Bodies.reencode(d)).isEqualTo(Bodies.bytes(0x06, 0x40, 0x06, 0x7f, 0x41, 0x07, 0x18, 0x00, 0x08, 0x01,
                0x07, 0x01, 0x09, 0x00, 0x19, 0x09, 0x00, 0x0b, 0x0b));
        assertThat(d.get(4).value()).isEqualTo(1);
        assertThat(d.get(1).blockType()).isEqualTo(-1);
    }

    @Test
    void tryTableCatchClausesBytes() {
        Instruction tt = Instruction.tryTable(-64, new byte[] {Instruction.CATCH, Instruction.CATCH_REF,
                Instruction.CATCH_ALL, Instruction.CATCH_ALL_REF}, 0, 1, 300, 2, 0, 0, 0, 200);
        List<Instruction> d = roundTrip(tt, Instruction.of(Opcode.END), Instruction.of(Opcode.REF_NULL, ValueType.EXNREF),
                Instruction.of(Opcode.THROW_REF));
        assertThat(Bodies.reencode(d)).isEqualTo(Bodies.bytes(0x1f, 0x40, 0x04, 0x00, 0x00, 0x01, 0x01, 0xac, 0x02, 0x02,
                0x02, 0x00, 0x03, 0xc8, 0x01, 0x0b, 0xd0, 0x69, 0x0a, 0x0b));
        Instruction decoded = d.get(0);
        assertThat(decoded.catchCount()).isEqualTo(4);
        assertThat(decoded.catchKind(1)).isEqualTo(Instruction.CATCH_REF);
        assertThat(decoded.catchTag(1)).isEqualTo(300);
        assertThat(decoded.catchLabel(1)).isEqualTo(2);
        assertThat(decoded.catchLabel(3)).isEqualTo(200);
        assertThat(decoded.blockType()).isEqualTo(-64);
        assertThat(decoded.toString()).isEqualTo("@" + Bodies.BASE
                + " try_table (catch 0 1) (catch_ref 300 2) (catch_all 0) (catch_all_ref 200)");
        assertThat(roundTrip(Instruction.tryTable(ValueType.EXNREF - 128, new byte[0]), Instruction.of(Opcode.END),
                Instruction.of(Opcode.DROP)).get(0).catchCount()).isZero();
    }

    // extended-const: see ConstExprTest
}
