package dev.wasmlayout.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.InstructionWriter;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading and writing back a module nobody changed gives the same bytes, size prefixes included. */
class RoundTripTest {
    static Stream<Arguments> modules() {
        Stream<Arguments> samples = TestFiles.sampleModules().stream()
                .map(p -> Arguments.of(TestFiles.root().relativize(p).toString(), TestFiles.read(p)));
        Stream<Arguments> corpus = dev.wasmlayout.wasm.corpus.CorpusGenerator.modules().entrySet().stream()
                .map(e -> Arguments.of("corpus:" + e.getKey(), e.getValue()));
        return Stream.concat(samples, corpus);
    }

    @Test
    void thereAreSamplesAndCorpusModules() {
        assertThat(TestFiles.sampleModules()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(dev.wasmlayout.wasm.corpus.CorpusGenerator.modules()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void unchangedModuleIsByteIdentical(String name, byte[] bytes) {
        ParsedModule m = ParsedModule.parse(bytes);
        byte[] out = new ModuleEditor(m.module, m.sections.bodies).write();
        assertThat(out).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void reencodedBodiesKeepEveryOtherByte(String name, byte[] bytes) {
        ParsedModule m = ParsedModule.parse(bytes);
        List<FunctionBody> bodies = m.sections.bodies;
        if (bodies.isEmpty()) {
            return;
        }
        // re-encode the last body through the instruction writer; every other body must be copied raw
        FunctionBody last = bodies.get(bodies.size() - 1);
        ByteWriter w = new ByteWriter();
        w.bytes(bytes, last.localsStart(), last.codeStart() - last.localsStart());
        InstructionReader r = InstructionReader.forFunctionBody(new ByteReader(bytes, last.codeStart(), last.end(), "code"));
        while (r.hasNext()) {
            Instruction insn = r.next();
            InstructionWriter.write(insn, w);
        }
        byte[] out = new ModuleEditor(m.module, bodies).replaceBody(last.index(), w.toByteArray()).write();
        ParsedModule again = ParsedModule.parse(out);
        assertThat(again.sections.bodies).hasSameSizeAs(bodies);
        for (int i = 0; i < bodies.size() - 1; i++) {
            FunctionBody a = bodies.get(i);
            FunctionBody b = again.sections.bodies.get(i);
            assertThat(Arrays.copyOfRange(out, b.start(), b.end()))
                    .as("body %d copied raw", a.index())
                    .isEqualTo(Arrays.copyOfRange(bytes, a.start(), a.end()));
        }
        // sections other than code are byte-identical too
        for (Section s : m.module.sections()) {
            if (s.id() == SectionIds.CODE && !s.isCustom()) {
                continue;
            }
            Section t = again.module.sections().get(m.module.indexOf(s));
            assertThat(Arrays.copyOfRange(out, t.payloadStart(), t.end()))
                    .as(s.displayName()).isEqualTo(Arrays.copyOfRange(bytes, s.payloadStart(), s.end()));
        }
    }
}
