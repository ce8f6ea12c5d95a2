package dev.wasmlayout.wasm;

import dev.wasmlayout.inspect.Inspector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any mutation of a real module either reads fine or fails with our own exception, nothing else. */
class MutationPropertyTest {
    /** The smallest sample modules (PIC, no libc) and one libc program with relocations. */
    private static final List<byte[]> SEEDS = java.util.stream.Stream.concat(
                    TestFiles.sampleModules().stream().sorted(Comparator.comparingLong(p -> p.toFile().length())).limit(4),
                    java.util.stream.Stream.of(TestFiles.root().resolve("samples/footprint/build/tokenizer.wasm")))
            .map(TestFiles::read)
            .collect(Collectors.toList());

    record Mutation(int seed, int kind, double where, int value, int length) {
        byte[] apply(byte[] original) {
            byte[] b = original.clone();
            int at = (int) (where * b.length);
            switch (kind) {
                case 0: // overwrite one byte
                    b[at] = (byte) value;
                    return b;
                case 1: // flip bits in a run
                    for (int i = at; i < Math.min(b.length, at + length); i++) {
                        b[i] ^= (byte) value;
                    }
                    return b;
                case 2: // truncate
                    return java.util.Arrays.copyOf(b, at);
                default: { // a LEB-looking run of 0xff: huge counts and sizes
                    for (int i = at; i < Math.min(b.length, at + 1 + length % 6); i++) {
                        b[i] = (byte) 0xff;
                    }
                    return b;
                }
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                Arbitraries.integers().between(0, Math.max(0, SEEDS.size() - 1)),
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 0.999).ofScale(4),
                Arbitraries.integers().between(1, 255),
                Arbitraries.integers().between(1, 16)).as(Mutation::new);
    }

    @Property(tries = 2000)
    void readsOrThrowsWasmException(@ForAll("mutations") Mutation mutation) {
        byte[] bytes = mutation.apply(SEEDS.get(mutation.seed()));
        try {
            ParsedModule m = ParsedModule.parse(bytes);
            Inspector.inspect("mutated.wasm", m);
            new ModuleEditor(m.module, m.sections.bodies).write();
        } catch (WasmException expected) {
            // reported with an offset: fine
        }
    }
}
