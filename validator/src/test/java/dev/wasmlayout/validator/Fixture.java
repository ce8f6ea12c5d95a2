package dev.wasmlayout.validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four clang-built modules of src/test/resources/modules linked into one memory:
 * <pre>
 * null-guard | alpha data, stack, heap | beta data, stack, heap | faulty stack, data | mathlib data, stack | host-io | ring
 * </pre>
 * faulty's stack sits right above beta's heap so that its overflow lands there.
 */
final class Fixture {
    static final TestLayout LAYOUT = new TestLayout()
            .guard("null-guard", 0x1000)
            .module("alpha", "alpha.wasm", 16384, true, false)
            .module("beta", "beta.wasm", 16384, true, false)
            .module("faulty", "faulty.wasm", 8192, false, true)
            .module("mathlib", "mathlib.wasm", 4096, false, false)
            .alignTo(0x1000)
            .reserved("host-io", 0x1000)
            .shared("ring", 0x1000, Set.of("alpha", Ownership.HOST));

    static final String ALPHA_OUT = "hello from alpha: arg=world stdin=from a file fib=610 mode=test\n";
    static final String BETA_OUT = "beta: vec_sum=1240 list=4950\n";

    private Fixture() {
    }

    static Path file(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunModule alpha(Path stdin, String... args) {
        return new RunModule("alpha", LAYOUT.linked("alpha"), Map.of(), stdin, List.of(args), Map.of("ALPHA_MODE", "test"));
    }

    static RunModule beta() {
        return RunModule.of("beta", LAYOUT.linked("beta"));
    }

    static RunModule faulty(Path stdin) {
        return new RunModule("faulty", LAYOUT.linked("faulty"), Map.of(), stdin, List.of(), Map.of());
    }

    static RunModule mathlib() {
        return RunModule.of("mathlib", LAYOUT.linked("mathlib"));
    }

    static RunSet set(Path dir) {
        Path in = file(dir, "alpha.in", "from a file\n");
        Path faultyIn = file(dir, "faulty.in", "0123456789abcdef0123456789abcdef");
        return LAYOUT.runSet(List.of(alpha(in, "world"), beta(), faulty(faultyIn), mathlib()));
    }

    static ValidatorOptions options(Engine e) {
        return ValidatorOptions.defaults().withEngine(e);
    }
}
