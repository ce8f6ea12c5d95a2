package dev.wasmlayout.wasm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlayout.eh.LegacyExceptionTranslator;
import dev.wasmlayout.inspect.Inspector;

/**
 * Coverage-guided fuzzing of the reader and inspection. Under {@code mvn test} it replays the seed
 * inputs in {@code ReaderFuzzTestInputs/readAnything}; with {@code JAZZER_FUZZ=1} it fuzzes.
 * The only acceptable failure is our own {@link WasmException}.
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void readAnything(byte[] data) {
        try {
            ParsedModule m = ParsedModule.parse(data);
            Inspector.inspect("fuzz.wasm", m);
            new ModuleEditor(m.module, m.sections.bodies).write();
            translated(LegacyExceptionTranslator.translate(m));
        } catch (WasmException expected) {
            // bad input is reported, not crashed on
        }
    }

    /** What the legacy-EH translation makes of a module that read must read again, with no legacy instruction left. */
    private static void translated(byte[] bytes) {
        ParsedModule t;
        try {
            t = ParsedModule.parse(bytes);
        } catch (WasmException e) {
            throw new AssertionError("the translation wrote a module that does not read: " + e.getMessage(), e);
        }
        if (t.exceptions.legacy()) {
            throw new AssertionError("a legacy instruction is left at " + t.exceptions.firstLegacyOffset());
        }
    }
}
