package dev.wasmlayout.eh;

import static dev.wasmlayout.wasm.corpus.ModuleBuilder.CODE;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.FUNCTION;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.TAG;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.TYPE;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.codeSection;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.funcType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.corpus.FunctionBuilder;
import dev.wasmlayout.wasm.corpus.ModuleBuilder;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The translation, byte for byte, on the shapes that matter (the validator's ExceptionHandlingTest
 * runs the translated code in Chicory and compares with V8 on the untranslated one).
 */
class LegacyExceptionTranslatorTest {
    private static final int I32 = 0x7f;

    /** Types: 0 () -> (i32), 1 (i32) -> (), 2 () -> (); tag 0 of type 1; one function of type {@code type} (the final end is added). */
    private static byte[] module(int type, int... code) {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(3);
        funcType(types, new int[0], new int[] {I32});
        funcType(types, new int[] {I32}, new int[0]);
        funcType(types, new int[0], new int[0]);
        m.section(TYPE, types);
        m.section(FUNCTION, new ByteWriter().u32(1).u32(type));
        m.section(TAG, new ByteWriter().u32(1).u8(0).u32(1));
        m.section(CODE, codeSection(List.of(new FunctionBuilder().raw(bytes(code))), null));
        return m.build();
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** The translated function body: locals and code. */
    private static byte[] translatedBody(byte[] module) {
        byte[] out = LegacyExceptionTranslator.translate(ParsedModule.parse(module));
        ParsedModule p = ParsedModule.parse(out);
        FunctionBody b = p.sections.bodies.get(0);
        assertThat(p.exceptions.legacy()).isFalse();
        return Arrays.copyOfRange(out, b.localsStart(), b.end());
    }

    @Test
    void tryCatchBecomesBlocksAroundATryTable() {
        byte[] body = translatedBody(module(0,
                0x06, 0x7f, 0x41, 0x01, 0x08, 0x00,   // try (result i32) i32.const 1 throw 0
                0x07, 0x00,                            // catch 0 (the payload is the result)
                0x0b));
        assertThat(body).isEqualTo(bytes(0x00,
                0x02, 0x7f,                            // block $outer (result i32)
                0x02, 0x7f,                            // block $c0 (result i32): what catch 0 gives
                0x1f, 0x7f, 0x01, 0x00, 0x00, 0x00,    // try_table (result i32) (catch 0 0)
                0x41, 0x01, 0x08, 0x00,
                0x0b, 0x0c, 0x01,                      // end; br $outer
                0x0b,                                  // end $c0: the handler starts with the payload
                0x0b, 0x0b));                          // end $outer; end
    }

    @Test
    void rethrowKeepsTheExnrefAndDelegateToTheCallerThrowsAgainAtFunctionLevel() {
        byte[] body = translatedBody(module(2,
                0x06, 0x40,                            // try A
                0x06, 0x40, 0x41, 0x02, 0x08, 0x00,    //   try B  i32.const 2 throw 0
                0x18, 0x01,                            //   delegate 1: to the caller, past A's catch_all
                0x19, 0x09, 0x00,                      // catch_all rethrow 0
                0x0b));
        assertThat(body).isEqualTo(bytes(0x01, 0x01, 0x69, // one new local: A's exnref
                0x02, 0x40, 0x02, 0x69,                // A's wrapper: block $skip, block $d (result exnref)
                0x02, 0x40,                            // block $outer
                0x02, 0x69,                            // block $c0 (result exnref): catch_all_ref
                0x1f, 0x40, 0x01, 0x03, 0x00,          // try_table (catch_all_ref 0)
                0x1f, 0x40, 0x01, 0x03, 0x03,          //   B: try_table (catch_all_ref 3 = $d)
                0x41, 0x02, 0x08, 0x00, 0x0b,
                0x0b, 0x0c, 0x01, 0x0b,                // end; br $outer; end $c0
                0x21, 0x00, 0x20, 0x00, 0x0a,          // local.set 0; rethrow 0 = local.get 0 throw_ref
                0x0b,                                  // end $outer
                0x0c, 0x01, 0x0b, 0x0a, 0x0b,          // br $skip; end $d; throw_ref; end $skip
                0x0b));
    }

    @Test
    void rethrowInACatchOfATagThrowsThePayloadAgain() {
        byte[] module = module(2,
                0x06, 0x40, 0x41, 0x05, 0x08, 0x00,    // try i32.const 5 throw 0
                0x07, 0x00, 0x1a, 0x09, 0x00,          // catch 0 drop rethrow 0
                0x0b);
        LegacyExceptionTranslator.Translation t = LegacyExceptionTranslator.translation(ParsedModule.parse(module));
        assertThat(t.firstExnrefRethrow()).isEqualTo(-1);
        FunctionBody b = ParsedModule.parse(t.bytes()).sections.bodies.get(0);
        assertThat(Arrays.copyOfRange(t.bytes(), b.localsStart(), b.end())).isEqualTo(bytes(0x01, 0x01, 0x7f, // the payload's local
                0x02, 0x40, 0x02, 0x7f,                // block $outer, block $c0 (result i32)
                0x1f, 0x40, 0x01, 0x00, 0x00, 0x00,    // try_table (catch 0 0): no exnref needed
                0x41, 0x05, 0x08, 0x00, 0x0b, 0x0c, 0x01, 0x0b,
                0x21, 0x00, 0x20, 0x00,                // keep the payload, leave it on the stack
                0x1a, 0x20, 0x00, 0x08, 0x00,          // drop; rethrow 0 = local.get 0 throw 0
                0x0b, 0x0b));
    }

    @Test
    void rethrowInACatchAllKeepsTheExnrefAndSaysWhere() {
        byte[] module = module(2, 0x06, 0x40, 0x41, 0x05, 0x08, 0x00, 0x19, 0x09, 0x00, 0x0b); // try throw 0 catch_all rethrow 0
        LegacyExceptionTranslator.Translation t = LegacyExceptionTranslator.translation(ParsedModule.parse(module));
        int rethrowAt = ParsedModule.parse(module).sections.bodies.get(0).codeStart() + 7;
        assertThat(module[rethrowAt]).isEqualTo((byte) 0x09);
        assertThat(t.firstExnrefRethrow()).isEqualTo(rethrowAt);
        assertThat(ParsedModule.parse(t.bytes()).exceptions.counts()).containsEntry(Opcode.THROW_REF, 1);
    }

    @Test
    void branchesCountTheAddedLabels() {
        byte[] body = translatedBody(module(0,
                0x02, 0x7f,                            // block (result i32)
                0x06, 0x7f, 0x41, 0x07, 0x0d, 0x01,    //   try (result i32) i32.const 7 br_if 1 (the block)
                0x41, 0x01, 0x08, 0x00,
                0x07, 0x00, 0x0c, 0x01,                //   catch 0 br 1 (the block)
                0x0b, 0x0b));
        assertThat(body).isEqualTo(bytes(0x00,
                0x02, 0x7f, 0x02, 0x7f, 0x02, 0x7f, 0x1f, 0x7f, 0x01, 0x00, 0x00, 0x00,
                0x41, 0x07, 0x0d, 0x03,                // br_if over try_table, $c0, $outer
                0x41, 0x01, 0x08, 0x00,
                0x0b, 0x0c, 0x01, 0x0b,
                0x0c, 0x01,                            // br 1 still: in the last handler only $outer is left
                0x0b, 0x0b, 0x0b));
    }

    @Test
    void theCorpusModuleWithEveryLegacyInstructionTranslates() {
        byte[] legacy = dev.wasmlayout.wasm.corpus.CorpusGenerator.modules().get("exceptions");
        ParsedModule before = ParsedModule.parse(legacy);
        ParsedModule after = ParsedModule.parse(LegacyExceptionTranslator.translate(before));
        assertThat(before.exceptions.legacy()).isTrue();
        assertThat(after.exceptions.legacy()).isFalse();
        assertThat(after.sections.tagCount()).isEqualTo(2);
        assertThat(after.sections.exports).isEqualTo(before.sections.exports);
        // three tries with handlers or a delegate; the rethrow in catch 0 throws the payload again
        assertThat(after.exceptions.counts()).containsEntry(Opcode.TRY_TABLE, 3).containsEntry(Opcode.THROW_REF, 1)
                .containsEntry(Opcode.THROW, 3);
    }

    @Test
    void aCatchOfAnUnknownTagIsInvalidNotACrash() {
        byte[] module = module(2, 0x06, 0x40, 0x07, 0x05, 0x1a, 0x0b); // try catch 5 (there is only tag 0)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LegacyExceptionTranslator.translate(ParsedModule.parse(module)))
                .isInstanceOf(dev.wasmlayout.wasm.WasmException.class)
                .hasMessageContaining("catch of unknown tag 5");
    }

    @Test
    void modulesWithoutLegacyInstructionsComeBackUnchanged() {
        for (var file : TestFiles.sampleModules()) {
            if (!file.toString().contains("setjmp")) {
                byte[] bytes = TestFiles.read(file);
                assertThat(LegacyExceptionTranslator.translate(ParsedModule.parse(bytes))).isSameAs(bytes);
            }
        }
    }

    @Test
    void theSetjmpSampleTranslatesToFinalInstructionsOnly() {
        byte[] calc = TestFiles.read(TestFiles.root().resolve("samples/setjmp/build/calc.wasm"));
        ParsedModule translated = ParsedModule.parse(LegacyExceptionTranslator.translate(ParsedModule.parse(calc)));
        assertThat(translated.exceptions.legacy()).isFalse();
        assertThat(translated.exceptions.counts()).containsOnlyKeys(Opcode.THROW, Opcode.THROW_REF, Opcode.TRY_TABLE);
        assertThat(translated.exceptions.counts().get(Opcode.TRY_TABLE)).isEqualTo(4);
        assertThat(translated.sections.functionCount()).isEqualTo(ParsedModule.parse(calc).sections.functionCount());
    }
}
