package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Global;
import dev.wasmlayout.wasm.sections.Import;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding a PIC side module's loader imports to the plan: exact values after the patch. */
class PicPatcherTest {
    private static ParsedModule counter() {
        return ParsedModule.parse(TestFiles.read(TestFiles.root().resolve("samples/pic/build/counter.pic.wasm")));
    }

    private static Placement placement(Map<String, Long> symbols) {
        return new Placement("env", "memory", 1, 8, 0x1000, 0x1100, 0x2000, 0x3000, 0x3000, 0x3000, symbols, Map.of());
    }

    @Test
    void theTableBaseIsWhereTheModulesTableEntriesGo() {
        ParsedModule m = counter();
        PatchResult r = Patcher.patch(m, Inspector.inspect("counter.pic.wasm", m), null, placement(Map.of("events", 0x8000L))
                .withTableBase(7));
        ParsedModule out = ParsedModule.parse(r.bytes());
        // __table_base (third global, see below) holds the base
        assertThat(out.sections.globals.get(2).init().value().getAsLong()).isEqualTo(7L);
    }

    @Test
    void loaderImportsBecomeDefinedGlobals() {
        ParsedModule m = counter();
        ModuleFacts f = Inspector.inspect("counter.pic.wasm", m);
        assertThat(f.preferredStrategy()).isEqualTo("pic");
        PatchResult r = Patcher.patch(m, f, null, placement(Map.of("events", 0x8000L)));
        ParsedModule out = ParsedModule.parse(r.bytes());

        // only the memory stays imported, under the manifest's name and the plan's limits
        assertThat(out.sections.imports).extracting(Import::fullName).containsExactly("env.memory");
        assertThat(out.sections.imports.get(0).memory().max()).isEqualTo(8);
        // global order: __stack_pointer, __memory_base, __table_base, GOT.mem.events, GOT.mem.counter_limit, counter_limit
        assertThat(out.sections.globals).extracting(g -> g.init().value().getAsLong())
                .containsExactly(0x3000L, 0x1000L, 0L, 0x8000L, 0x1000L, 0x1000L);
        assertThat(out.sections.globals).extracting(g -> g.type().mutable())
                .containsExactly(true, false, false, true, true, false);
        // the data segment sits at __memory_base, the exported data symbol is now an address
        assertThat(out.sections.data.get(0).address()).isEqualTo(0x1000);
        Export limit = out.sections.exports.stream().filter(e -> e.name().equals("counter_limit")).findFirst().orElseThrow();
        Global g = out.sections.globals.get(limit.index());
        assertThat(g.init().value().getAsLong()).isEqualTo(0x1000);
        // a start function applies the data relocations, as a dynamic loader would
        assertThat(out.sections.start).isEqualTo(out.sections.functionCount() - 1);
        assertThat(out.dylink).isNull();
        assertThat(out.sections.tables).hasSize(1);
    }

    @Test
    void gotEntryNamingNothingIsRefused() {
        ParsedModule m = counter();
        assertThatThrownBy(() -> Patcher.patch(m, Inspector.inspect("c", m), null, placement(Map.of())))
                .isInstanceOf(PatchException.class)
                .hasMessage("GOT.mem.events: 'events' is neither a shared or reserved region in the manifest nor a data symbol the module exports");
    }

    @Test
    void pickingRelocateForAPicModuleIsRefused() {
        ParsedModule m = counter();
        assertThatThrownBy(() -> Patcher.patch(m, Inspector.inspect("c", m), PatchStrategy.RELOCATE, placement(Map.of("events", 1L))))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("relocate needs relocations");
    }
}
