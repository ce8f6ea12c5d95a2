package dev.wasmlayout.wasm.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.corpus.FunctionBuilder;
import dev.wasmlayout.wasm.corpus.ModuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module with more than a megabyte of code is scanned on several threads: what parse finds and
 * how it fails must be what the scan in file order would give.
 */
class ParallelCodeScanTest {
    private static final int FUNCTIONS = 1200;
    private static final int GROW_EVERY = 97;

    /** {@code FUNCTIONS} bodies of about 1 KB each; memory.grow in every 97th, memory.size after it; bad opcodes where asked. */
    private static byte[] module(Set<Integer> badAt) {
        ByteWriter types = new ByteWriter().u32(1);
        ModuleBuilder.funcType(types, new int[0], new int[0]);
        ByteWriter funcs = new ByteWriter().u32(FUNCTIONS);
        List<FunctionBuilder> bodies = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            funcs.u32(0);
            FunctionBuilder b = new FunctionBuilder();
            for (int i = 0; i < 250; i++) {
                b.op(Opcode.I32_CONST, 100_000 + i).op(Opcode.DROP);
            }
            if (f % GROW_EVERY == 0) {
                b.op(Opcode.I32_CONST, 1).op(Opcode.MEMORY_GROW, 0).op(Opcode.DROP).op(Opcode.MEMORY_SIZE, 0).op(Opcode.DROP);
            }
            if (badAt.contains(f)) {
                b.raw(new byte[] {(byte) 0xfb, 0x00}); // a GC opcode: unsupported
            }
            bodies.add(b);
        }
        ByteWriter memory = ModuleBuilder.limits(new ByteWriter().u32(1), 1);
        return new ModuleBuilder().section(ModuleBuilder.TYPE, types).section(ModuleBuilder.FUNCTION, funcs)
                .section(ModuleBuilder.MEMORY, memory).section(ModuleBuilder.CODE, ModuleBuilder.codeSection(bodies, null))
                .build();
    }

    @Test
    void growSitesComeInFileOrderFromEveryPartOfTheCode() {
        byte[] bytes = module(Set.of());
        assertThat(bytes.length).isGreaterThan((1 << 20) + 100_000); // past the size scanned on several threads
        ParsedModule m = ParsedModule.parse(bytes);
        List<Integer> functions = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        int last = -1;
        for (CodeScan.GrowOp g : m.growOps) {
            assertThat(g.offset()).isGreaterThan(last);
            assertThat(bytes[g.offset()] & 0xff).isEqualTo(g.opcode() == Opcode.MEMORY_GROW ? 0x40 : 0x3f);
            last = g.offset();
            functions.add(g.function());
            ops.add(g.opcode().mnemonic());
        }
        List<Integer> expected = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f += GROW_EVERY) {
            expected.add(f);
            expected.add(f);
        }
        assertThat(functions).isEqualTo(expected);
        assertThat(ops.subList(0, 2)).containsExactly("memory.grow", "memory.size");
    }

    @Test
    void theFirstBadBodyInFileOrderIsReportedWhateverElseIsBad() {
        Throwable first = catchThrowable(() -> ParsedModule.parse(module(Set.of(300))));
        assertThat(first).isInstanceOf(WasmException.class).hasMessageContaining("unsupported opcode 0xfb");
        Throwable both = catchThrowable(() -> ParsedModule.parse(module(Set.of(300, 1100))));
        assertThat(both).isInstanceOf(WasmException.class).hasMessage(first.getMessage());
        Throwable late = catchThrowable(() -> ParsedModule.parse(module(Set.of(1100))));
        assertThat(late.getMessage()).isNotEqualTo(first.getMessage());
    }
}
