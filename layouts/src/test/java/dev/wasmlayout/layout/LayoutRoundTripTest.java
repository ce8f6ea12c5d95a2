package dev.wasmlayout.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LayoutRoundTripTest {

    @Property(tries = 200)
    void layoutJsonReadsBackEqual(@ForAll("layouts") Layout layout) {
        String json = LayoutJson.write(layout);
        assertThat(json).endsWith("}\n").doesNotContain("\r");
        assertThat(LayoutJson.parse(json, Path.of("layout.json"))).isEqualTo(layout);
    }

    @Property(tries = 200)
    void lockReadsBackEqual(@ForAll("layouts") Layout layout) {
        assertThat(LockFile.parse(LockFile.write(layout), Path.of("wasm-layout.lock")).regions())
                .isEqualTo(layout.regions());
    }

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz_-\"\\é ").ofMinLength(1).ofMaxLength(6);
        Arbitrary<List<Long>> sizes = Arbitraries.longs().between(0, 1 << 20).list().ofMaxSize(12);
        return names.list().ofMinSize(1).ofMaxSize(4).uniqueElements().flatMap(modules -> sizes.map(lengths -> {
            List<Region> regions = new ArrayList<>();
            long at = 0;
            for (int i = 0; i < lengths.size(); i++) {
                RegionKind kind = RegionKind.values()[i % RegionKind.values().length];
                String owner = kind.isModuleOwned() ? modules.get(i % modules.size()) : null;
                regions.add(new Region("r" + i + (owner == null ? "" : owner), kind, owner, at, at + lengths.get(i), 16));
                at = (at + lengths.get(i) + 15) / 16 * 16;
            }
            List<ModuleAssignment> assignments = modules.stream()
                    .map(m -> new ModuleAssignment(m, m + ".wasm", Strategy.values()[m.length() % 3])).toList();
            long pages = (at + Layout.PAGE_SIZE - 1) / Layout.PAGE_SIZE;
            return new Layout("env.memory", Layout.PAGE_SIZE, pages, pages + 1, regions, assignments,
                    lengths.size() % 2 == 0 ? null : new Footprint(at, pages, pages + 2));
        }));
    }
}
