package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts.DebugFacts;
import dev.wasmlayout.wasm.TestFiles;
import org.junit.jupiter.api.Test;

/** inspect tells what debug information a module carries and whether relocations came with it. */
class InspectDebugTest {
    @Test
    void aModuleLinkedWithEmitRelocsHasDwarfWithRelocations() {
        DebugFacts d = Inspector.inspect("globals.wasm", DebugModules.load("globals.wasm")).debug();
        assertThat(d.dwarfSections()).containsExactly(".debug_loc", ".debug_abbrev", ".debug_info", ".debug_str",
                ".debug_line", ".debug_ranges");
        assertThat(d.dwarfRelocated()).isTrue();
        assertThat(d.pointers()).isEmpty();
        assertThat(d.present()).isTrue();
    }

    @Test
    void aModuleLinkedWithoutRelocationsHasDwarfWithout() {
        DebugFacts d = Inspector.inspect("grow.placed.wasm", DebugModules.load("grow.placed.wasm")).debug();
        assertThat(d.dwarfSections()).contains(".debug_info", ".debug_line");
        assertThat(d.dwarfRelocated()).isFalse();
    }

    @Test
    void aStrippedModuleHasNone() {
        byte[] bytes = TestFiles.read(TestFiles.root().resolve("samples/pipeline/build/producer.wasm"));
        DebugFacts d = Inspector.inspect("producer.wasm", bytes).debug();
        assertThat(d.present()).isFalse();
        assertThat(d.dwarfSections()).isEmpty();
    }
}
