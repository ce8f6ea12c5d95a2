package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.WasmModule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving real clang-19 modules with their relocations: exact addresses after the patch. */
class RelocatePatcherTest {
    private static final long PAGE = WasmModule.PAGE_SIZE;


    private static ParsedModule sample(String rel) {
        return ParsedModule.parse(TestFiles.read(TestFiles.root().resolve("samples").resolve(rel)));
    }

    /** data at 0x20000 (tokenizer's data is 5808 bytes), stack of 16 KiB above it, heap to the end of page 4. */
    private static Placement tokenizerPlacement() {
        long data = 0x20000;
        long dataEnd = data + 0x16b0;
        long stackLow = 0x21700;
        long stackHigh = stackLow + 0x4000;
        return new Placement("env", "memory", 5, 16, data, dataEnd, stackLow, stackHigh, stackHigh, 5 * PAGE,
                Map.of(), Map.of());
    }

    @Test
    void tokenizerMovesToItsRegions() {
        ParsedModule m = sample("footprint/build/tokenizer.wasm");
        ModuleFacts before = Inspector.inspect("tokenizer.wasm", m);
        assertThat(before.data().start()).isEqualTo(0x400);
        assertThat(before.data().end()).isEqualTo(0x1ab0);

        PatchResult r = Patcher.patch(m, before, null, tokenizerPlacement());
        assertThat(r.strategy()).isEqualTo("relocate");
        ParsedModule out = ParsedModule.parse(r.bytes());
        ModuleFacts after = Inspector.inspect("out.wasm", out);

        // every segment moved by the same delta: 0x20000 - 0x400
        List<DataSegment> segs = out.sections.data;
        assertThat(segs).extracting(DataSegment::address).containsExactly(0x20000L, 0x20b70L, 0x20c70L);
        assertThat(segs).extracting(DataSegment::length).containsExactly(2928, 252, 2624);
        assertThat(after.stack().initialPointer()).isEqualTo(0x25700);
        // tokenizer exports __heap_base and __data_end as globals (no relocations for them: trap 2)
        assertThat(exportedGlobal(out, "__heap_base")).isEqualTo(0x25700);
        assertThat(exportedGlobal(out, "__data_end")).isEqualTo(0x216b0);
        // the memory is the shared import, limits from the plan, still exported as "memory"
        Import mem = out.sections.imports.stream().filter(i -> i.kind() == ExternalKind.MEMORY).findFirst().orElseThrow();
        assertThat(mem.fullName()).isEqualTo("env.memory");
        assertThat(mem.memory().min()).isEqualTo(5);
        assertThat(mem.memory().max()).isEqualTo(16);
        assertThat(out.sections.memories).isEmpty();
        assertThat(out.sections.exports).anyMatch(e -> e.kind() == ExternalKind.MEMORY && e.name().equals("memory"));
        // relocation metadata is gone, the patch is recorded
        assertThat(out.linking).isNull();
        assertThat(out.relocs).isEmpty();
        assertThat(out.module.custom(PatchRecord.SECTION)).isPresent();
        // memory.size / memory.grow no longer appear: sbrk reads the heap-end global and calls the grow guard
        assertThat(after.memoryGrowth()).isEmpty();
        assertThat(r.actions()).anyMatch(a -> a.contains("memory.size/memory.grow in 1 function(s)"));
    }

    @Test
    void everyMemoryAddressSiteHoldsTheMovedSymbol() {
        // re-check the moved module with the original relocations, shifted: the same checker that finds
        // stale relocations must find every site of the patched code at the new address
        ParsedModule m = sample("footprint/build/checksum.wasm");
        ModuleFacts f = Inspector.inspect("checksum.wasm", m);
        long delta = 0x30000 - f.data().start();
        Placement p = new Placement("env", "memory", 8, 8, 0x30000, 0x30000 + f.data().size(), 0x32000, 0x42000, 0x42000,
                8 * PAGE, Map.of(), Map.of());
        byte[] out = Patcher.patch(m, f, null, p).bytes();
        ParsedModule o = ParsedModule.parse(out);
        for (int i = 0; i < m.sections.data.size(); i++) {
            assertThat(o.sections.data.get(i).address()).isEqualTo(m.sections.data.get(i).address() + delta);
        }
    }

    @Test
    void aTableBaseMovesEveryFunctionPointerAndTheElementSegment() {
        // tokenizer: 5 table entries from index 1; one TABLE_INDEX_SLEB site in code, the rest I32 sites in data
        ParsedModule m = sample("footprint/build/tokenizer.wasm");
        ModuleFacts f = Inspector.inspect("t", m);
        assertThat(TableWindow.of(m)).isEqualTo(new TableWindow(1, 6));
        ParsedModule o = ParsedModule.parse(Patcher.patch(m, f, PatchStrategy.RELOCATE, tokenizerPlacement().withTableBase(10)).bytes());
        assertThat(TableWindow.of(o)).isEqualTo(new TableWindow(11, 16));
        assertThat(o.sections.tables.get(0).limits().min()).isEqualTo(m.sections.tables.get(0).limits().min() + 10);
        assertThat(o.sections.tables.get(0).limits().max()).isEqualTo(m.sections.tables.get(0).limits().max() + 10);
        int sites = 0;
        for (dev.wasmlayout.wasm.custom.RelocSection rs : m.relocs) {
            dev.wasmlayout.wasm.Section target = m.module.sections().get(rs.targetSection());
            for (dev.wasmlayout.wasm.custom.Relocation r : rs.entries()) {
                int at = target.payloadStart() + r.offset();
                if (r.type() == dev.wasmlayout.wasm.custom.RelocType.TABLE_INDEX_I32) {
                    // the same byte of the same data segment, in the patched module
                    DataSegment before = segmentAt(m, at);
                    DataSegment after = o.sections.data.get(before.index());
                    int in = at - before.dataStart();
                    assertThat(le32(o.bytes(), after.dataStart() + in)).isEqualTo(le32(m.bytes(), at) + 10);
                    sites++;
                } else if (r.type() == dev.wasmlayout.wasm.custom.RelocType.TABLE_INDEX_SLEB) {
                    var body = m.sections.bodies.stream().filter(b -> b.start() <= at && at < b.end()).findFirst().orElseThrow();
                    var moved = o.sections.bodies.get(body.index() - m.sections.importedFunctions);
                    int in = at - body.start();
                    assertThat(new dev.wasmlayout.wasm.ByteReader(o.bytes(), moved.start() + in, moved.end(), "code").s32())
                            .isEqualTo(new dev.wasmlayout.wasm.ByteReader(m.bytes(), at, body.end(), "code").s32() + 10);
                    sites++;
                }
            }
        }
        assertThat(sites).isEqualTo(8);
    }

    private static DataSegment segmentAt(ParsedModule m, int at) {
        return m.sections.data.stream().filter(d -> d.dataStart() <= at && at < d.dataStart() + d.length()).findFirst()
                .orElseThrow();
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (long) (b[at + 3] & 0xff) << 24;
    }

    @Test
    void secondPatchIsRefused() {
        Placement p = tokenizerPlacement();
        ParsedModule m = sample("footprint/build/tokenizer.wasm");
        ParsedModule once = ParsedModule.parse(Patcher.patch(m, Inspector.inspect("t", m), PatchStrategy.RELOCATE, p).bytes());
        assertThatThrownBy(() -> Patcher.patch(once, Inspector.inspect("t", once), PatchStrategy.RELOCATE, p))
                .isInstanceOf(PatchException.class)
                .hasMessageStartingWith("already patched by wasm-layout");
    }

    @Test
    void staleRelocationsAreRefusedWithAdvice() {
        ParsedModule m = sample("footprint/build/checksum.stale.wasm");
        ModuleFacts f = Inspector.inspect("checksum.stale.wasm", m);
        assertThatThrownBy(() -> Patcher.patch(m, f, PatchStrategy.RELOCATE, tokenizerPlacement()))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("stale")
                .hasMessageContaining("keep wasm-opt off PATH");
    }

    @Test
    void dataLargerThanItsRegionIsRefused() {
        ParsedModule m = sample("footprint/build/tokenizer.wasm");
        Placement small = new Placement("env", "memory", 5, 16, 0x20000, 0x20100, 0x21700, 0x25700, 0x25700, 5 * PAGE,
                Map.of(), Map.of());
        assertThatThrownBy(() -> Patcher.patch(m, Inspector.inspect("t", m), null, small))
                .isInstanceOf(PatchException.class)
                .hasMessage("static data needs 5808 bytes but its region has 256 (overflowed by 5552 bytes)");
    }

    @Test
    void undefinedSharedSymbolResolvesToItsRegion() {
        ParsedModule m = sample("pipeline/build/producer.wasm");
        ModuleFacts f = Inspector.inspect("producer.wasm", m);
        Placement noRing = new Placement("env", "memory", 4, 4, 0x10000, 0x12000, 0x12000, 0x16000, 0x16000, 4 * PAGE,
                Map.of(), Map.of());
        assertThatThrownBy(() -> Patcher.patch(m, f, null, noRing))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("undefined data symbol 'ring' names no shared or reserved region");
    }

    @Test
    void outputValidatesWithWabt(@TempDir Path dir) throws Exception {
        assumeTrue(TestFiles.onPath("wasm-validate"), "wasm-validate (Debian wabt) is not installed");
        ParsedModule m = sample("footprint/build/tokenizer.wasm");
        Path f = dir.resolve("t.wasm");
        Files.write(f, Patcher.patch(m, Inspector.inspect("t", m), null, tokenizerPlacement()).bytes());
        Process p = new ProcessBuilder("wasm-validate", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static long exportedGlobal(ParsedModule m, String name) {
        for (Export e : m.sections.exports) {
            if (e.kind() == ExternalKind.GLOBAL && e.name().equals(name)) {
                return m.sections.globals.get(e.index() - m.sections.importedGlobals).init().value().getAsLong();
            }
        }
        throw new AssertionError("no exported global " + name);
    }
}
