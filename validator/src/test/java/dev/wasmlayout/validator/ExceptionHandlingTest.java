package dev.wasmlayout.validator;

import static dev.wasmlayout.wasm.code.Instruction.CATCH;
import static dev.wasmlayout.wasm.code.Instruction.CATCH_ALL_REF;
import static dev.wasmlayout.wasm.code.Instruction.i32Const;
import static dev.wasmlayout.wasm.code.Instruction.of;
import static dev.wasmlayout.wasm.code.Instruction.tryTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.code.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chicory 1.7.5 runs the final exception-handling proposal: try_table with catch and catch_all_ref,
 * throw and throw_ref, as our writer encodes them, in both engines. A module of the legacy proposal
 * runs translated to it, with the results V8 gives for the legacy instructions themselves; one that
 * cannot be translated is refused in one line naming its first legacy instruction and where it is.
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

    private static final int[] I32 = {WasmBuilder.I32};

    /**
     * The legacy instructions clang 19 emits, in the shapes the translation must get right; each
     * function takes x and says in its comment what it returns.
     */
    static byte[] legacyProposal() {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int unary = b.type(I32, I32);
        int t0 = b.tag(b.type(I32, new int[0]));
        int t1 = b.tag(b.type(I32, new int[0]));
        // catch_value: x + 1
        int catchValue = b.function("catch_value", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, t0),
                of(Opcode.CATCH, t0), i32Const(1), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        // delegate_skips: the innermost try delegates past the middle one's catch to the outer one: x + 1000
        int delegateSkips = b.function("delegate_skips", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT),
                of(Opcode.TRY, I32_RESULT),
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, t0), of(Opcode.DELEGATE, 1),
                of(Opcode.CATCH, t0), i32Const(100), of(Opcode.I32_ADD), of(Opcode.END),
                of(Opcode.CATCH, t0), i32Const(1000), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        // thrower: delegates to its caller past its own catch (which would add 100)
        int thrower = b.function("thrower", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT),
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, t0), of(Opcode.DELEGATE, 1),
                of(Opcode.CATCH, t0), i32Const(100), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        // delegate_to_caller: x + 7
        int delegateToCaller = b.function("delegate_to_caller", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.CALL, thrower),
                of(Opcode.CATCH, t0), i32Const(7), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        // rethrow_nested: a catch_all rethrows the exception of the enclosing catch (tag 0, payload x), not its own: x + 2
        int rethrowNested = b.function("rethrow_nested", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT),
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, t0),
                of(Opcode.CATCH, t0), of(Opcode.DROP),
                of(Opcode.TRY, I32_RESULT), i32Const(5), of(Opcode.THROW, t1),
                of(Opcode.CATCH_ALL), of(Opcode.RETHROW, 1),
                of(Opcode.END),
                of(Opcode.END),
                of(Opcode.CATCH, t1), of(Opcode.DROP), i32Const(-1),
                of(Opcode.CATCH, t0), i32Const(2), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        // branches: x when x != 0 (br_if out of the try body), else 9 + 50 (br out of the handler)
        int branches = b.function("branches", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, I32_RESULT),
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.LOCAL_GET, 0), of(Opcode.BR_IF, 1),
                of(Opcode.DROP), i32Const(9), of(Opcode.THROW, t0),
                of(Opcode.CATCH, t0), i32Const(50), of(Opcode.I32_ADD), of(Opcode.BR, 1),
                of(Opcode.END),
                of(Opcode.END)).bytes());
        // try_with_param: the try takes x from the stack and throws it: 3x
        int tryWithParam = b.function("try_with_param", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.LOCAL_GET, 0),
                of(Opcode.TRY, unary), of(Opcode.THROW, t0),
                of(Opcode.CATCH, t0), i32Const(3), of(Opcode.I32_MUL),
                of(Opcode.END)).bytes());
        // if_thrower: inside an if, delegates to the caller (the if gets the wrapper)
        int ifThrower = b.function("if_thrower", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.LOCAL_GET, 0),
                of(Opcode.LOCAL_GET, 0), of(Opcode.IF, unary),
                of(Opcode.TRY, unary), of(Opcode.THROW, t0), of(Opcode.DELEGATE, 1),
                of(Opcode.ELSE),
                of(Opcode.END)).bytes());
        // if_delegate: x + 7 when x != 0, else 0
        int ifDelegate = b.function("if_delegate", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, I32_RESULT), of(Opcode.LOCAL_GET, 0), of(Opcode.CALL, ifThrower),
                of(Opcode.CATCH, t0), i32Const(7), of(Opcode.I32_ADD),
                of(Opcode.END)).bytes());
        return b.export("catch_value", catchValue).export("delegate_skips", delegateSkips)
                .export("delegate_to_caller", delegateToCaller).export("rethrow_nested", rethrowNested)
                .export("branches", branches).export("try_with_param", tryWithParam).export("if_delegate", ifDelegate)
                .build();
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
    void legacyExceptionHandlingRunsTranslated(Engine engine) {
        RunReport r = run(legacyProposal(), engine,
                RunStep.call("eh", "catch_value", 41), RunStep.call("eh", "delegate_skips", 5),
                RunStep.call("eh", "delegate_to_caller", 5), RunStep.call("eh", "rethrow_nested", 5),
                RunStep.call("eh", "branches", 0), RunStep.call("eh", "branches", 3),
                RunStep.call("eh", "try_with_param", 5), RunStep.call("eh", "if_delegate", 0),
                RunStep.call("eh", "if_delegate", 4));
        assertThat(r.steps()).extracting(StepResult::returned).containsExactly(List.of(42), List.of(1005), List.of(12),
                List.of(7), List.of(59), List.of(3), List.of(15), List.of(0), List.of(11));
        assertThat(r.exitStatus()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRethrowOfWhatACatchAllCaughtIsRefusedInOneLine(Engine engine) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int unary = b.type(I32, I32);
        int tag = b.tag(b.type(I32, new int[0]));
        int f = b.function("cleanup", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.TRY, NONE), of(Opcode.LOCAL_GET, 0), of(Opcode.THROW, tag),
                of(Opcode.CATCH_ALL), of(Opcode.RETHROW, 0), of(Opcode.END), of(Opcode.LOCAL_GET, 0)).bytes());
        byte[] wasm = b.export("cleanup", f).build();
        int at = ParsedModule.parse(wasm).sections.bodies.get(0).codeStart() + 7;
        assertThat(wasm[at]).isEqualTo((byte) 0x09);
        assertThatThrownBy(() -> run(wasm, engine, RunStep.call("eh", "cleanup", 1)))
                .isInstanceOf(SetupException.class)
                .hasMessage(String.format("module 'eh' (eh.wasm): rethrow in a catch_all handler at byte offset 0x%x (in"
                        + " cleanup) cannot run faithfully in the validator: Chicory 1.7.5 rethrows the last exception thrown"
                        + " with the same tag, not the one caught; run this set under V8/node instead", at));
    }

    /**
     * Why the refusal above: Chicory 1.7.5 keys an exnref by its tag (Instance.registerException), so
     * throw_ref of a kept exnref throws the last exception of that tag. Here the exception kept has
     * payload 5, a later one of the same tag 43; the spec (and V8) rethrow 5. When this starts
     * returning 5, Chicory is fixed and the refusal can go.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void chicoryRethrowsTheLastExceptionOfTheTagNotTheOneKept(Engine engine) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int result = b.type(new int[0], I32);
        int none = b.type(new int[0], new int[0]);
        int tag = b.tag(b.type(I32, new int[0]));
        int inner = b.function("inner", none, 1, ValueType.EXNREF, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, EXNREF_RESULT),
                tryTable(NONE, new byte[] {CATCH_ALL_REF}, 0, 0), i32Const(5), of(Opcode.THROW, tag), of(Opcode.END),
                of(Opcode.UNREACHABLE),
                of(Opcode.END),
                of(Opcode.LOCAL_SET, 0),
                of(Opcode.BLOCK, I32_RESULT),
                tryTable(I32_RESULT, new byte[] {CATCH}, tag, 0), i32Const(43), of(Opcode.THROW, tag), of(Opcode.END),
                of(Opcode.END), of(Opcode.DROP),
                of(Opcode.LOCAL_GET, 0), of(Opcode.THROW_REF)).bytes());
        int outer = b.function("outer", result, 0, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, I32_RESULT),
                tryTable(NONE, new byte[] {CATCH}, tag, 0), of(Opcode.CALL, inner), of(Opcode.END),
                i32Const(-1), of(Opcode.RETURN),
                of(Opcode.END)).bytes());
        RunReport r = run(b.export("outer", outer).build(), engine, RunStep.call("eh", "outer"));
        assertThat(r.steps().get(0).returned()).containsExactly(43);
    }

    /** The oracle for the expectations above: V8 runs the legacy instructions themselves. */
    @Test
    void v8GivesTheSameResultsForTheUntranslatedModule(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        Path file = dir.resolve("legacy.wasm");
        Files.write(file, legacyProposal());
        String script = "const m = new WebAssembly.Module(require('fs').readFileSync(process.argv[1]));"
                + "const e = new WebAssembly.Instance(m, {env: {memory: new WebAssembly.Memory({initial: 1, maximum: 1})}}).exports;"
                + "console.log([e.catch_value(41), e.delegate_skips(5), e.delegate_to_caller(5), e.rethrow_nested(5),"
                + " e.branches(0), e.branches(3), e.try_with_param(5), e.if_delegate(0), e.if_delegate(4)].join(' '));";
        Process p = new ProcessBuilder("node", "-e", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("42 1005 12 7 59 3 15 0 11\n");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void legacyExceptionHandlingThatCannotBeTranslatedIsRefusedInOneLine(Engine engine) {
        // rethrow 0 inside a block, not a catch: invalid, so there is nothing to translate it to
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "memory", 1, 1);
        int unary = b.type(I32, I32);
        int f = b.function("bad", unary, 0, new WasmBuilder.Code().insns(
                of(Opcode.BLOCK, NONE), of(Opcode.RETHROW, 0), of(Opcode.END), of(Opcode.LOCAL_GET, 0)).bytes());
        byte[] wasm = b.export("bad", f).build();
        int at = ParsedModule.parse(wasm).sections.bodies.get(0).codeStart() + 2;
        assertThat(wasm[at]).isEqualTo((byte) 0x09); // the rethrow
        assertThatThrownBy(() -> run(wasm, engine, RunStep.call("eh", "bad", 1)))
                .isInstanceOf(SetupException.class)
                .hasMessage(String.format("module 'eh' (eh.wasm): cannot translate its legacy exception handling (first:"
                        + " rethrow at byte offset 0x%x, in bad) to the final proposal Chicory runs: invalid module at byte"
                        + " %d (0x%x) in code section: rethrow 0 does not name a catch", at, at, at));
    }
}
