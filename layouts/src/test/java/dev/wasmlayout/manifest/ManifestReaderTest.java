package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.source.Location;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    @TempDir
    Path dir;

    private static final String FULL = """
            memory:
              import: env.memory
              max: 4MiB
            reserve:
              - { name: host-io, size: 64KiB, align: 4KiB, writers: [consumer] }
              - { name: mmio, at: 0x100000, size: 0x1000 }
            shared:
              - { name: ring, size: 16KiB, align: 64, writers: [producer], readers: [consumer] }
            modules:
              - { name: producer, wasm: build/producer.wasm, stack: 16KiB, heap: 64KiB }
              - { name: consumer, wasm: build/consumer.wasm, imports: { mathlib: mathlib } }
              - { name: mathlib,  wasm: build/mathlib.wasm, optional: true, strategy: pic }
            run:
              - { call: producer._start }
              - call: consumer.run
                args: [1, ring, -4]
                expect-stdout: "ok\\n"
                expect-exit: 3
                load: { file: in.bin, region: ring }
                dump: { region: consumer.heap, file: out/heap.bin }
              - { write: host-io, text: hello }
            """;

    @Test
    void readsEveryPartOfTheManifest() {
        Path file = ManifestFixture.write(dir, FULL, "build/producer.wasm", "build/consumer.wasm", "build/mathlib.wasm");

        Manifest manifest = ManifestReader.load(file);

        assertThat(manifest.file()).isEqualTo(file);
        assertThat(manifest.memory()).isEqualTo(new MemorySpec("env.memory", 4 << 20, 1024, new Location(2, 3)));
        assertThat(manifest.nullGuard()).isTrue();
        assertThat(manifest.reserve()).containsExactly(
                new ReserveSpec("host-io", OptionalLong.empty(), 65536, 4096, List.of("consumer"), new Location(5, 5)),
                new ReserveSpec("mmio", OptionalLong.of(0x100000), 0x1000, 16, List.of(), new Location(6, 5)));
        assertThat(manifest.shared()).containsExactly(new SharedSpec("ring", OptionalLong.empty(), 16384, 64,
                List.of("producer"), List.of("consumer"), new Location(8, 5)));
        assertThat(manifest.modules()).containsExactly(
                new ModuleSpec("producer", "build/producer.wasm", dir.resolve("build/producer.wasm"),
                        OptionalLong.of(16384), OptionalLong.of(65536), Map.of(), false, Optional.empty(), new Location(10, 5)),
                new ModuleSpec("consumer", "build/consumer.wasm", dir.resolve("build/consumer.wasm"),
                        OptionalLong.empty(), OptionalLong.empty(), Map.of("mathlib", "mathlib"), false, Optional.empty(),
                        new Location(11, 5)),
                new ModuleSpec("mathlib", "build/mathlib.wasm", dir.resolve("build/mathlib.wasm"),
                        OptionalLong.empty(), OptionalLong.empty(), Map.of(), true, Optional.of(Strategy.PIC),
                        new Location(12, 5)));
        assertThat(manifest.run()).containsExactly(
                new RunStep(Optional.empty(), Optional.empty(), Optional.of("producer._start"), List.of(), Optional.empty(),
                        OptionalLong.empty(), Optional.empty(), Optional.empty(), new Location(14, 5)),
                new RunStep(Optional.empty(),
                        Optional.of(new RegionFile("ring", "in.bin", dir.resolve("in.bin"), new Location(19, 11))),
                        Optional.of("consumer.run"), List.of("1", "ring", "-4"), Optional.of("ok\n"), OptionalLong.of(3),
                        Optional.empty(), Optional.of(new RegionFile("consumer.heap", "out/heap.bin", dir.resolve("out/heap.bin"),
                                new Location(20, 11))),
                        new Location(15, 5)),
                new RunStep(Optional.of(new TextWrite("host-io", "hello", new Location(21, 14))), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                        new Location(21, 5)));
        assertThat(manifest.run().get(1).callModule()).contains("consumer");
        assertThat(manifest.run().get(1).callExport()).contains("run");
    }

    @Test
    void expectResultIsOneNumberOrAListKeptExact() {
        Path file = ManifestFixture.write(dir, """
                memory: { max: 64KiB }
                modules: [ { name: app, wasm: app.wasm } ]
                run:
                  - { call: app.count, expect-result: 38 }
                  - { call: app.pair, expect-result: [-1, 0xFFFFFFFF, 18446744073709551615, 010] }
                  - { call: app.ratio, expect-result: [1.5, 2.5e-3, 0.1] }
                  - { call: app.odd, expect-result: [.nan, .inf, -.inf, NaN, -Infinity] }
                """, "app.wasm");

        List<RunStep> run = ManifestReader.load(file).run();

        assertThat(run.get(0).expectResult()).contains(List.of(BigInteger.valueOf(38)));
        assertThat(run.get(1).expectResult()).contains(List.of(BigInteger.valueOf(-1), BigInteger.valueOf(0xFFFFFFFFL),
                new BigInteger("18446744073709551615"), BigInteger.TEN));
        assertThat(run.get(2).expectResult()).contains(List.of(new BigDecimal("1.5"), new BigDecimal("2.5e-3"),
                new BigDecimal("0.1")));
        assertThat(run.get(3).expectResult()).contains(List.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY));
    }

    @Test
    void fillsInDefaults() {
        Path file = ManifestFixture.write(dir, """
                memory: { max: 64KiB }
                shared: [ { name: ring, size: 100 } ]
                modules: [ { name: app, wasm: app.wasm } ]
                """, "app.wasm");

        Manifest manifest = ManifestReader.load(file);

        assertThat(manifest.memory().importName()).isEqualTo("env.memory");
        assertThat(manifest.memory().importModule()).isEqualTo("env");
        assertThat(manifest.memory().importField()).isEqualTo("memory");
        assertThat(manifest.memory().nullGuard()).isEqualTo(1024);
        assertThat(manifest.memory().maxPages()).isEqualTo(1);
        assertThat(manifest.shared().get(0).align()).isEqualTo(16);
        assertThat(manifest.shared().get(0).writers()).isEmpty();
        assertThat(manifest.reserve()).isEmpty();
        assertThat(manifest.run()).isEmpty();
        ModuleSpec app = manifest.modules().get(0);
        assertThat(app.stack()).isEmpty();
        assertThat(app.heap()).isEmpty();
        assertThat(app.optional()).isFalse();
        assertThat(app.strategy()).isEmpty();
    }

    @Test
    void nullGuardCanBeSizedOrSwitchedOff() {
        assertThat(guard("null-guard: 4KiB")).isEqualTo(4096);
        assertThat(guard("null-guard: 0")).isZero();
        assertThat(guard("null-guard: false")).isZero();
        assertThat(guard("null-guard: true")).isEqualTo(1024);
    }

    @Test
    void aRegionFixedAtZeroReplacesTheAutomaticGuard() {
        Path file = ManifestFixture.write(dir, """
                memory: { max: 64KiB }
                reserve: [ { name: null-guard, at: 0, size: 1KiB } ]
                modules: [ { name: app, wasm: app.wasm } ]
                """, "app.wasm");

        Manifest manifest = ManifestReader.load(file);

        assertThat(manifest.nullGuard()).isFalse();
        assertThat(manifest.reserve().get(0).at()).hasValue(0);
    }

    @Test
    void acceptsEverySizeSpelling() {
        Path file = ManifestFixture.write(dir, """
                memory: { max: 0x10000 }
                reserve:
                  - { name: a, size: 1024 }
                  - { name: b, size: "16 KiB" }
                  - { name: c, size: 1k }
                  - { name: d, size: 2M }
                  - { name: e, size: 010 }
                  - { name: f, size: 7B }
                modules: [ { name: app, wasm: app.wasm } ]
                """, "app.wasm");

        assertThat(ManifestReader.load(file).reserve()).extracting(ReserveSpec::size)
                .containsExactly(1024L, 16384L, 1024L, 2L << 20, 10L, 7L);
    }

    private long guard(String line) {
        Path file = ManifestFixture.write(dir, "memory: { max: 64KiB, " + line + " }\nmodules: [ { name: app, wasm: app.wasm } ]\n",
                "app.wasm");
        return ManifestReader.load(file).memory().nullGuard();
    }

    @Test
    void anUnreadableFileIsReportedWithoutALocation() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ManifestReader.load(missing))
                .isInstanceOf(ManifestException.class)
                .hasMessage(missing + ": cannot read: no such file");
    }

    @Test
    void exceptionKeepsItsParts() {
        Path file = ManifestFixture.write(dir, "memory: { max: 64KiB }\nmodules: [ { name: app, wasm: app.wasm, stak: 1 } ]\n",
                "app.wasm");
        assertThatThrownBy(() -> ManifestReader.load(file))
                .isInstanceOfSatisfying(ManifestException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.location()).isEqualTo(new Location(2, 41));
                    assertThat(e.detail()).isEqualTo("unknown key 'stak' in module 'app' (did you mean 'stack'?)");
                });
    }
}
