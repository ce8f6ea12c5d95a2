package dev.wasmlayout.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutVerifierTest {

    @Test
    void aSoundLayoutHasNoProblems() {
        assertThat(LayoutVerifier.problems(LayoutFixtures.small())).isEmpty();
    }

    @Test
    void reportsEveryBrokenPromise() {
        Layout layout = new Layout("env.memory", Layout.PAGE_SIZE, 1, 0, List.of(
                new Region("a.data", RegionKind.DATA, "a", 8, 100, 16),
                new Region("b.data", RegionKind.DATA, "b", 96, 70000, 16),
                new Region("ring", RegionKind.SHARED, "a", 70000, 70016, 16),
                new Region("ring", RegionKind.RESERVED, null, 70016, 70032, 16)),
                List.of(new ModuleAssignment("a", "a.wasm", Strategy.PIC)), null);

        assertThat(LayoutVerifier.problems(layout)).containsExactly(
                "a.data [0x8, 0x64) is not aligned to 16",
                "b.data [0x60, 0x11170) belongs to 'b', which is not a module",
                "b.data [0x60, 0x11170) ends past the initial memory of 1 page",
                "b.data [0x60, 0x11170) overlaps a.data [0x8, 0x64)",
                "ring [0x11170, 0x11180) is shared but has owner a",
                "ring [0x11170, 0x11180) ends past the initial memory of 1 page",
                "region name 'ring' is used twice",
                "ring [0x11180, 0x11190) ends past the initial memory of 1 page",
                "initial pages 1 exceed max pages 0 (0 bytes)");
    }
}
