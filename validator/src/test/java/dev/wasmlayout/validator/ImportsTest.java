package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Function imports between modules of the set: providers first, the writer is the code that ran. */
class ImportsTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void callsReachTheProviderAndItsWritesAreItsOwn(Engine engine) {
        // c is listed before its provider p: p must still be instantiated first
        RunSet set = Modules.set(List.of(
                Modules.module("c", Modules.caller("p", "store"), Map.of()),
                Modules.module("p", Modules.storer(), Map.of())), "c", "p");
        RunReport r = new Validator(set, Fixture.options(engine)).run(List.of(
                RunStep.call("c", "run", 0x2000), RunStep.call("c", "run", 0x1000)));
        assertThat(r.steps().get(0).failure()).isNull();
        assertThat(r.violations()).containsExactly(
                new Violation("p", "store_value", 0x1000, 4, "c.data", "c", Violation.OUTSIDE, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anImportModuleCanBeMappedToAnyProvider(Engine engine) {
        RunSet set = Modules.set(List.of(
                Modules.module("p", Modules.storer(), Map.of()),
                Modules.module("c", Modules.caller("env", "store"), Map.of("env", "p"))), "p", "c");
        RunReport r = new Validator(set, Fixture.options(engine)).run(List.of(RunStep.call("c", "run", 0x1004)));
        assertThat(r.exitStatus()).isZero();
    }

    @Test
    void missingProviderIsASetupError() {
        RunSet set = Modules.set(List.of(Modules.module("c", Modules.caller("lib", "store"), Map.of())), "c");
        assertThatThrownBy(() -> new Validator(set, ValidatorOptions.defaults()).run(List.of()))
                .isInstanceOf(SetupException.class)
                .hasMessage("module 'c' imports function lib.store but no module provides 'lib'"
                        + " (add it to the set or map it in the module's imports)");
    }

    @Test
    void providerWithoutTheExportIsASetupError() {
        RunSet set = Modules.set(List.of(
                Modules.module("p", Modules.storer(), Map.of()),
                Modules.module("c", Modules.caller("p", "nothing"), Map.of())), "p", "c");
        assertThatThrownBy(() -> new Validator(set, ValidatorOptions.defaults()).run(List.of()))
                .hasMessage("module 'c' imports function p.nothing but module 'p' exports no function 'nothing'");
    }

    @Test
    void importCycleIsASetupError() {
        WasmBuilder a = new WasmBuilder();
        int ta = a.type(Modules.I32_I32, new int[0]);
        a.importFunction("b", "g", ta);
        a.export("f", a.function("f", ta, 0, new byte[0]));
        WasmBuilder b = new WasmBuilder();
        int tb = b.type(Modules.I32_I32, new int[0]);
        b.importFunction("a", "f", tb);
        b.export("g", b.function("g", tb, 0, new byte[0]));
        RunSet set = Modules.set(List.of(Modules.module("a", a.build(), Map.of()), Modules.module("b", b.build(), Map.of())));
        assertThatThrownBy(() -> new Validator(set, ValidatorOptions.defaults()).run(List.of()))
                .isInstanceOf(SetupException.class)
                .hasMessageStartingWith("modules import from each other in a cycle: a -> b -> a");
    }

    @Test
    void memoryImportMustBeTheSharedOne() {
        RunSet set = new RunSet("wl", "mem", 1, 1, List.of(Modules.module("p", Modules.storer(), Map.of())),
                Modules.regions("p"));
        assertThatThrownBy(() -> new Validator(set, ValidatorOptions.defaults()).run(List.of()))
                .hasMessageContaining("imports memory env.memory but the shared memory is wl.mem");
    }
}
