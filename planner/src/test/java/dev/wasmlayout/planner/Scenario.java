package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.MemorySpec;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.source.Sizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** A random manifest with matching inspection results, built in code (no files needed). */
record Scenario(Manifest manifest, List<ModuleNeeds> needs) {

    static final long[] ALIGNS = {0, 1, 2, 4, 8, 16, 32, 64, 128, 1024, 4096};

    static Arbitrary<Scenario> any() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed), Sizes.MAX));
    }

    /** Seeded so jqwik can shrink and replay by seed; sizes vary over several orders of magnitude. */
    static Scenario generate(Random random, long max) {
        int modules = 1 + random.nextInt(20);
        long guard = new long[] {0, 16, 1024}[random.nextInt(3)];
        List<ReserveSpec> reserves = new ArrayList<>();
        List<SharedSpec> shared = new ArrayList<>();
        long cursor = guard; // fixed regions are laid out upward from here so they never overlap
        int regions = random.nextInt(8);
        for (int i = 0; i < regions; i++) {
            long size = 1 + random.nextInt(random.nextBoolean() ? 64 : 40_000);
            long align = 1L << random.nextInt(13);
            OptionalLong at = OptionalLong.empty();
            if (random.nextInt(3) == 0) {
                at = OptionalLong.of(Sizes.alignUp(cursor + random.nextInt(100_000), align));
                cursor = at.getAsLong() + size;
            }
            if (random.nextBoolean()) {
                reserves.add(new ReserveSpec("r" + i, at, size, align, List.of(), null));
            } else {
                shared.add(new SharedSpec("s" + i, at, size, align, List.of(), List.of(), null));
            }
        }
        List<ModuleSpec> specs = new ArrayList<>();
        List<ModuleNeeds> needs = new ArrayList<>();
        for (int i = 0; i < modules; i++) {
            String name = "m" + i;
            OptionalLong stack = random.nextBoolean() ? OptionalLong.of(random.nextInt(70_000)) : OptionalLong.empty();
            OptionalLong heap = random.nextBoolean() ? OptionalLong.of(random.nextInt(200_000)) : OptionalLong.empty();
            specs.add(new ModuleSpec(name, name + ".wasm", Path.of(name + ".wasm"), stack, heap, Map.of(), false,
                    Optional.empty(), null));
            needs.add(new ModuleNeeds(name, random.nextInt(random.nextBoolean() ? 100 : 150_000),
                    ALIGNS[random.nextInt(ALIGNS.length)], random.nextInt(70_000), random.nextInt(1 << 20), Strategy.RELOCATE));
        }
        MemorySpec memory = new MemorySpec("env.memory", max, guard, null);
        return new Scenario(new Manifest(Path.of("wasm-layout.yaml"), memory, reserves, shared, specs, List.of()), needs);
    }

    /** The same scenario with module {@code index}'s heap set to {@code heap} bytes. */
    Scenario withHeap(int index, long heap) {
        List<ModuleSpec> specs = new ArrayList<>(manifest.modules());
        ModuleSpec m = specs.get(index);
        specs.set(index, new ModuleSpec(m.name(), m.wasm(), m.wasmPath(), m.stack(), OptionalLong.of(heap), m.imports(),
                m.optional(), m.strategy(), m.location()));
        return new Scenario(new Manifest(manifest.file(), manifest.memory(), manifest.reserve(), manifest.shared(), specs,
                manifest.run()), needs);
    }

    Scenario withMax(long max) {
        MemorySpec m = manifest.memory();
        return new Scenario(new Manifest(manifest.file(), new MemorySpec(m.importName(), max, m.nullGuard(), m.location()),
                manifest.reserve(), manifest.shared(), manifest.modules(), manifest.run()), needs);
    }

    Plan plan() {
        return Planner.plan(manifest, needs);
    }
}
