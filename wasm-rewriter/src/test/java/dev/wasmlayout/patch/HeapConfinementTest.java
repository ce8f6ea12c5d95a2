package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** memory.size/memory.grow confinement builds on what earlier steps did to a body. */
class HeapConfinementTest {
    @Test
    void aBodyAnEarlierStepRenumberedKeepsItsNewIndices() {
        ParsedModule m = DebugModules.load("grow.wasm"); // grow() uses memory.size/grow and calls the import note (function 0)
        ModuleFacts f = Inspector.inspect("grow.wasm", m);
        FunctionBody grow = m.sections.bodies.stream()
                .filter(b -> b.index() == f.memoryGrowth().get(0).function()).findFirst().orElseThrow();
        ModuleEditor ed = new ModuleEditor(m.module, m.sections.bodies);
        // as pic's renumbering does before the confinement: here the call to function 0 becomes a call to 5
        ed.replaceBody(grow.index(), new dev.wasmlayout.wasm.reencode.Reencode().functions(i -> i == 0 ? 5 : i).body(m.bytes(), grow));

        PatchContext c = new PatchContext(m, f, DebugModules.movedTo(f, 0x1000), PatchStrategy.PIC);
        c.editor = ed;
        new HeapConfinement().apply(c);

        List<String> code = new ArrayList<>();
        byte[] body = ed.replacedBody(grow.index());
        InstructionReader r = InstructionReader.forFunctionBody(
                new ByteReader(body, grow.codeStart() - grow.localsStart(), body.length, "code"));
        while (r.hasNext()) {
            Instruction i = r.next();
            code.add(i.opcode() == Opcode.CALL ? "call " + i.imm(0) : i.opcode().name());
        }
        int growFunction = m.sections.functionCount(); // the first function Additions appends
        assertThat(code).contains("call 5", "call " + growFunction)
                .doesNotContain("call 0", "MEMORY_GROW", "MEMORY_SIZE");
    }
}
