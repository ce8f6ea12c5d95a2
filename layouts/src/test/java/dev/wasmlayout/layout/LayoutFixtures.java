package dev.wasmlayout.layout;

import java.util.List;

final class LayoutFixtures {

    private LayoutFixtures() {
    }

    static Layout small() {
        return new Layout("env.memory", Layout.PAGE_SIZE, 2, 64, List.of(
                new Region("app.data", RegionKind.DATA, "app", 0x1400, 0x1800, 16),
                new Region("null-guard", RegionKind.GUARD, null, 0, 0x400, 1),
                new Region("app.stack", RegionKind.STACK, "app", 0x400, 0x1400, 16),
                new Region("app.heap", RegionKind.HEAP, "app", 0x1800, 0x11800, 16),
                new Region("ring", RegionKind.SHARED, null, 0x11800, 0x12000, 64)),
                List.of(new ModuleAssignment("app", "build/app.wasm", Strategy.RELOCATE)),
                new Footprint(0x12000, 2, 3));
    }
}
