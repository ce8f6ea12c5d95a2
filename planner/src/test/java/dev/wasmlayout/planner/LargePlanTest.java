package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.LayoutVerifier;
import dev.wasmlayout.layout.Lock;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.MemorySpec;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.source.Sizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand modules, to keep the planner sort-based: this runs in well under a second today and
 * would take minutes if placement went quadratic. No timing assertion (machines differ); a regression
 * shows up as a slow build.
 */
class LargePlanTest {

    private static final int MODULES = 10_000;

    @Test
    void plansTenThousandModulesAndReplansThemAgainstTheLock() {
        Random random = new Random(42);
        List<ModuleSpec> modules = new ArrayList<>();
        List<ModuleNeeds> needs = new ArrayList<>();
        for (int i = 0; i < MODULES; i++) {
            String name = "m" + i;
            modules.add(new ModuleSpec(name, name + ".wasm", Path.of(name + ".wasm"), OptionalLong.of(1024 + random.nextInt(4096)),
                    OptionalLong.of(random.nextInt(8192)), Map.of(), false, Optional.empty(), null));
            needs.add(new ModuleNeeds(name, random.nextInt(5000), Scenario.ALIGNS[random.nextInt(Scenario.ALIGNS.length)],
                    0, 65536, Strategy.RELOCATE));
        }
        List<SharedSpec> shared = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            shared.add(new SharedSpec("s" + i, OptionalLong.empty(), 1 + random.nextInt(10_000), 1L << random.nextInt(13),
                    List.of(), List.of(), null));
        }
        Manifest manifest = new Manifest(Path.of("wasm-layout.yaml"), new MemorySpec("env.memory", Sizes.MAX, 1024, null),
                List.of(), shared, modules, List.of());

        Plan plan = Planner.plan(manifest, needs);
        Plan again = Planner.plan(manifest, needs, Lock.of(plan.layout()), true);

        assertThat(plan.layout().modules()).hasSize(MODULES);
        assertThat(LayoutVerifier.problems(plan.layout())).isEmpty();
        assertThat(again).isEqualTo(plan);
    }
}
