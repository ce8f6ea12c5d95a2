package dev.wasmlayout.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutJsonTest {

    private static final Path FILE = Path.of("layout.json");

    @Test
    void writesTheContractInStableOrder() {
        assertThat(LayoutJson.write(LayoutFixtures.small())).isEqualTo("""
                {
                  "memory": {
                    "import": "env.memory",
                    "pageSize": 65536,
                    "initialPages": 2,
                    "maxPages": 64
                  },
                  "regions": [
                    {
                      "name": "null-guard",
                      "kind": "guard",
                      "owner": null,
                      "start": 0,
                      "end": 1024,
                      "align": 1
                    },
                    {
                      "name": "app.stack",
                      "kind": "stack",
                      "owner": "app",
                      "start": 1024,
                      "end": 5120,
                      "align": 16
                    },
                    {
                      "name": "app.data",
                      "kind": "data",
                      "owner": "app",
                      "start": 5120,
                      "end": 6144,
                      "align": 16
                    },
                    {
                      "name": "app.heap",
                      "kind": "heap",
                      "owner": "app",
                      "start": 6144,
                      "end": 71680,
                      "align": 16
                    },
                    {
                      "name": "ring",
                      "kind": "shared",
                      "owner": null,
                      "start": 71680,
                      "end": 73728,
                      "align": 64
                    }
                  ],
                  "modules": [
                    {
                      "name": "app",
                      "input": "build/app.wasm",
                      "strategy": "relocate"
                    }
                  ],
                  "footprint": {
                    "usedBytes": 73728,
                    "pages": 2,
                    "bytes": 131072,
                    "separatePages": 3,
                    "separateBytes": 196608,
                    "savedPages": 1,
                    "savedBytes": 65536
                  }
                }
                """);
    }

    @Test
    void readsBackWhatItWrote() {
        Layout layout = LayoutFixtures.small();
        assertThat(LayoutJson.parse(LayoutJson.write(layout), FILE)).isEqualTo(layout);
    }

    @Test
    void ignoresUnknownKeysAndMissingOptionalOnes() {
        Layout layout = LayoutJson.parse("""
                {"memory": {"import": "env.memory", "pageSize": 65536, "initialPages": 1, "maxPages": 2, "shared": true},
                 "regions": [{"name": "a.data", "kind": "data", "owner": "a", "start": 16, "end": 32, "note": "x"}],
                 "modules": [{"name": "a", "input": "a.wasm", "strategy": "pic"}],
                 "generator": "someone else"}
                """, FILE);
        assertThat(layout.regions()).containsExactly(new Region("a.data", RegionKind.DATA, "a", 16, 32, 1));
        assertThat(layout.footprint()).isNull();
        assertThat(layout.modules()).containsExactly(new ModuleAssignment("a", "a.wasm", Strategy.PIC));
    }

    @Test
    void reportsMistakesWithLineAndColumn() {
        assertThatThrownBy(() -> LayoutJson.parse("""
                {"memory": {"import": "env.memory", "pageSize": 65536, "initialPages": 1, "maxPages": 2},
                 "regions": [{"name": "a.data", "kind": "code", "owner": "a", "start": 16, "end": 32}],
                 "modules": []}
                """, FILE))
                .isInstanceOf(LayoutFileException.class)
                .hasMessage("layout.json:2:41: kind in region #1: expected one of data, stack, heap, shared, reserved, guard,"
                        + " got 'code'");
        assertThatThrownBy(() -> LayoutJson.parse("""
                {"memory": {"import": "env.memory", "pageSize": 4096, "initialPages": 1, "maxPages": 2},
                 "regions": [], "modules": []}
                """, FILE))
                .hasMessage("layout.json:1:49: pageSize in memory: expected 65536, the only page size supported, got 4096");
        assertThatThrownBy(() -> LayoutJson.parse("""
                {"memory": {"import": "env.memory", "pageSize": 65536, "initialPages": 1, "maxPages": 2},
                 "regions": [{"name": "a.data", "kind": "data", "owner": "a", "start": 32, "end": 16}],
                 "modules": []}
                """, FILE))
                .hasMessage("layout.json:2:83: end in region #1: region 'a.data': bad range [32, 16)");
        assertThatThrownBy(() -> LayoutJson.parse("[]", FILE))
                .hasMessage("layout.json:1:1: the layout: expected a mapping, got a list");
    }

    @Test
    void sameLayoutSameBytes() {
        Layout a = LayoutFixtures.small();
        List<Region> reversed = new java.util.ArrayList<>(a.regions());
        java.util.Collections.reverse(reversed);
        Layout b = new Layout(a.memoryImport(), a.pageSize(), a.initialPages(), a.maxPages(),
                reversed, a.modules(), a.footprint());
        assertThat(LayoutJson.write(b)).isEqualTo(LayoutJson.write(a));
        assertThat(b.regions()).isEqualTo(a.regions());
        assertThat(b.region("ring")).map(Region::start).contains(0x11800L);
    }
}
