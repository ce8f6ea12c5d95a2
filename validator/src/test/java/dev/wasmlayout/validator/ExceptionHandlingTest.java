package dev.wasmlayout.validator;

import static dev.wasmlayout.wasm.code.Instruction.CATCH;
import static dev.wasmlayout.wasm.code.Instruction.CATCH_ALL_REF;
import static dev.wasmlayout.wasm.code.Instruction.i32Const;
import static dev.wasmlayout.wasm.code.Instruction.of;
import static dev.wasmlayout.wasm.code.Instruction.tryTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.inspect.ParsedModule;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chicory 1.7.5 runs the final exception-handling proposal: try_table with catch and catch_all_ref,
 * throw and throw_ref, as our writer encodes them, in both engines. A module of the legacy proposal
 * is refused before Chicory sees it, naming its first legacy instruction and where it is.
 */
class ExceptionHandlingTest {
    private static final int NONE = -64;
    private static final int I32_RESULT = WasmBuilder.I32 - 128;
    private static final int EXNREF_RESULT = ValueType.EXNREF - 128;

    /**
     * catch_value(x): throws x+1 with tag 0 when x is not 0 and a try_table catch gives back the payload;
     * returns 7 when nothing is thrown. rethrown(x): catch_all_ref keeps the exception as an exnref,
     * throw_ref throws it again and an outer catch takes its payload x.
     */
    static byte[] finalProposal() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int unary = b.type(new int[] {WasmBuilder.I32}, new int[] {WasmBuilder.I32});
        int tag = b.tag(b.type(new int[] {WasmBuilder.I32}, new int[0]));
        int catchValue = b.function("catch_value", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, I32_RESULT),
                tryTable(I32_RESULT, new byte[] {CATCH}, tag, 0),
                of(Opcode.LOCAL_GET, 0), of(Opcode.IF, NONE),
                of(Opcode.LOCAL_GET, 0), i32Const(1), of(Opcode.I32_ADD), of(Opcode.THROW, tag),
                of(Opcode.END),
                i32Const(7),
                of(Opcode.END), of(Opcode.RETURN),
                of(Opcode.END)).bytes());
        int rethrown = b.function("rethrown", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, I32_RESULT),
                tryTable(I32_RESULT, new byte[] {CATCH}, tag, 0),
                of(Opcode.BLOCK, EXNREF_RESULT),
                tryTable(NONE, new byte[] {CATCH_ALL_REF}, 0, 0),
                of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, tag),
                of(Opcode.END), of(Opcode.UNREACHABLE),
                of(Opcode.END),
                of(Opcode.THROW_REF),
                of(Opcode.END),
                of(Opcode.END)).bytes());
        return b.export("catch_value", catchValue).export("rethrown", rethrown).build();
    }

    /** The same catch as {@link #finalProposal()}'s catch_value, in the legacy instructions clang 19 emits. */
    static byte[] legacyProposal() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int unary = b.type(new int[] {WasmBuilder.I32}, new int[] {WasmBuilder.I32});
        int tag = b.tag(b.type(new int[] {WasmBuilder.I32}, new int[0]));
        int f = b.function("catch_value", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT),
                of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, tag),
                of(Opcode.CATCH, tag),
                of(Opcode.END)).bytes());
        return b.export("catch_value", f).build();
    }

    private static RunReport run(byte[] wasm, Engine engine, RunStep... steps) {
        RunSet set = Modules.set(List.of(Modules.module("eh", wasm, Map.of())), "eh");
        return new Validator(set, Fixture.options(engine)).run(List.of(steps));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tryTableCatchAndThrowRefRun(Engine engine) {
        RunReport r = run(finalProposal(), engine,
                RunStep.call("eh", "catch_value", 0), RunStep.call("eh", "catch_value", 41),
                RunStep.call("eh", "rethrown", 5), RunStep.call("eh", "rethrown", -3));
        assertThat(r.steps()).extracting(StepResult::returned)
                .containsExactly(List.of(7), List.of(42), List.of(5), List.of(-3));
        assertThat(r.exitStatus()).isZero();
        assertThat(ParsedModule.parse(finalProposal()).exceptions.legacy()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void legacyExceptionHandlingIsRefusedNamingTheFirstTry(Engine engine) {
        byte[] wasm = legacyProposal();
        int at = ParsedModule.parse(wasm).sections.bodies.get(0).codeStart();
        assertThat(wasm[at]).isEqualTo((byte) 0x06); // the body starts with the try
        assertThatThrownBy(() -> run(wasm, engine, RunStep.call("eh", "catch_value", 1)))
                .isInstanceOf(SetupException.class)
                .hasMessage(String.format("module 'eh' (eh.wasm): legacy exception handling (try at byte offset 0x%x, in"
                        + " catch_value) cannot run in the validator, whose Chicory 1.7.5 runs only the final proposal"
                        + " (try_table); run this set under V8/node instead", at));
    }
}
