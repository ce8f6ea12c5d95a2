package dev.wasmlayout.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuser on small modules written in WAT (build.sh next to them): where every index lands, what
 * replaces imports inside the set, the contract section, and each refusal.
 */
class FuserTest {
    private static final Fuser.Options DEFINED = new Fuser.Options(1, 2, null, null, null);

    @TempDir
    Path tmp;

    @Test
    void twoModulesBecomeOneWithEveryIndexRenumbered() throws IOException {
        byte[] fused = Fuser.fuse(List.of(unit("a", "a.wasm"), unit("b", "b.wasm")), DEFINED).bytes();
        WasmModule wm = WasmModule.read(fused);
        ModuleSections s = ModuleSections.decode(wm);

        // fd_write once; a.twice became a's own function; args_sizes_get became b's glue
        assertThat(s.imports).extracting(Import::fullName).containsExactly("wasi_snapshot_preview1.fd_write");
        assertThat(s.exports).extracting(Export::name, Export::index).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.twice", 1), org.assertj.core.groups.Tuple.tuple("a.run", 2),
                org.assertj.core.groups.Tuple.tuple("b.run", 4), org.assertj.core.groups.Tuple.tuple("b.argc", 5),
                org.assertj.core.groups.Tuple.tuple("memory", 0),
                org.assertj.core.groups.Tuple.tuple("__indirect_function_table", 0),
                org.assertj.core.groups.Tuple.tuple("_start", 7));
        assertThat(calls(fused, s.bodies.get(3 - 1))).as("b's own calls a.twice directly").containsExactly(1L);
        assertThat(calls(fused, s.bodies.get(5 - 1))).as("b.argc calls its args_sizes_get").containsExactly(6L);
        assertThat(s.tables.get(0).limits().min()).isEqualTo(3);
        assertThat(s.tables.get(0).limits().max()).isEqualTo(3);
        assertThat(s.memories.get(0).min()).isEqualTo(1);
        assertThat(s.memories.get(0).max()).isEqualTo(2);
        assertThat(s.elements).hasSize(2);
        assertThat(s.elements.get(0).functionIndices()).containsExactly(1);
        assertThat(s.elements.get(1).functionIndices()).containsExactly(3);
        assertThat(s.elements.get(1).offset().value().getAsLong()).isEqualTo(2);
        assertThat(calls(fused, s.bodies.get(7 - 1))).as("_start: each reactor/command entry (none here)").isEmpty();

        String json = new String(payload(wm, fused, Fuser.SECTION), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"modules\":[{\"name\":\"a\",\"functions\":[[1,3]],\"globals\":{\"__stack_pointer\":0}},"
                + "{\"name\":\"b\",\"functions\":[[3,7]],\"globals\":{\"__stack_pointer\":1}}]}");
        NameSection names = NameSection.read(fused, wm.custom(NameSection.NAME).orElseThrow());
        assertThat(names.functions()).containsEntry(1, "a:twice").containsEntry(3, "b:own")
                .containsEntry(6, "b:__wasm_layout_args_sizes_get").containsEntry(7, "__wasm_layout_start");
        assertThat(names.globals()).containsEntry(0, "a:__stack_pointer").containsEntry(1, "b:__stack_pointer");
        validate(fused);
    }

    @Test
    void startMakesTheRunCallsWithConstantArguments() throws IOException {
        Fuser.Options calls = new Fuser.Options(1, 2, "env", "memory",
                List.of(new Fuser.Call("a", "twice", List.of(7L)), new Fuser.Call("b", "run", List.of())));
        byte[] fused = Fuser.fuse(List.of(unit("a", "a.wasm"), unit("b", "b.wasm")), calls).bytes();
        ModuleSections s = ModuleSections.decode(WasmModule.read(fused));
        assertThat(s.imports).extracting(Import::fullName).containsExactly("wasi_snapshot_preview1.fd_write", "env.memory");
        assertThat(s.memories).isEmpty();
        FunctionBody start = s.bodies.get(s.bodies.size() - 1);
        assertThat(instructions(fused, start)).extracting(Instruction::opcode).containsExactly(
                Opcode.I32_CONST, Opcode.CALL, Opcode.DROP, Opcode.CALL, Opcode.DROP, Opcode.END);
        assertThat(instructions(fused, start).get(0).imm(0)).isEqualTo(7);
        validate(fused);

        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("a", "a.wasm")), new Fuser.Options(1, 2, null, null,
                List.of(new Fuser.Call("a", "twice", List.of())))))
                .isInstanceOf(FuseException.class).hasMessage("a run step calls a.twice with 0 arguments; it takes 1");
    }

    @Test
    void setsThatCannotBeFusedAreRefusedNamingTheModule() throws IOException {
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("a", "a.wasm"), unit("odd", "other-fd-write.wasm")), DEFINED))
                .isInstanceOf(FuseException.class)
                .hasMessage("imports wasi_snapshot_preview1.fd_write as (i32) -> (i32) but an earlier module imports it as"
                        + " (i32, i32, i32, i32) -> (i32)")
                .extracting(e -> ((FuseException) e).module()).isEqualTo("odd");
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("g", "global-import.wasm")), DEFINED))
                .hasMessage("imports global env.__memory_base, which nothing in a fused module can provide"
                        + " (WAMR links no global imports)");
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("x", "dotted.wasm"), unit("x.y", "dotted.wasm")), DEFINED))
                .hasMessage("its export 'z' would be 'x.y.z', which another module's export already is")
                .extracting(e -> ((FuseException) e).module()).isEqualTo("x.y");
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("b", "b.wasm"), unit("a", "dotted.wasm")), DEFINED))
                .hasMessage("imports a.twice but module 'a' exports no function 'twice'");
    }

    @Test
    void tagsAreMergedImportsBetweenTheModulesResolvedAndOthersKeptOnce() throws IOException {
        Fuser.Fused f = Fuser.fuse(List.of(unit("thrower", "thrower.wasm"), unit("catcher", "catcher.wasm")), DEFINED);
        byte[] fused = f.bytes();
        ModuleSections s = ModuleSections.decode(WasmModule.read(fused));

        // tag 0: env.error, imported by both, once; 1, 2: thrower's own; 3: catcher's own
        assertThat(s.imports).extracting(Import::fullName, Import::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("env.error", dev.wasmlayout.wasm.sections.ExternalKind.TAG));
        assertThat(s.tagCount()).isEqualTo(4);
        assertThat(List.of(s.tagType(0), s.tagType(1), s.tagType(2), s.tagType(3))).extracting(Object::toString)
                .containsExactly("(i32) -> ()", "(i32) -> ()", "(i64) -> ()", "(f32) -> ()");
        assertThat(s.tags.get(0).typeIndex()).as("one type for (i32) -> () shared with env.error")
                .isEqualTo(s.imports.get(0).typeIndex());
        assertThat(s.exports).filteredOn(e -> e.kind() == dev.wasmlayout.wasm.sections.ExternalKind.TAG)
                .extracting(Export::name, Export::index).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("thrower.__c_longjmp", 1),
                        org.assertj.core.groups.Tuple.tuple("catcher.mine", 3));

        List<Instruction> raise = instructions(fused, s.bodies.get(0));
        assertThat(raise.get(1).opcode()).isEqualTo(Opcode.THROW);
        assertThat(raise.get(1).imm(0)).isEqualTo(1);
        List<Long> caught = instructions(fused, s.bodies.get(1)).stream().filter(i -> i.opcode() == Opcode.CATCH)
                .map(i -> i.imm(0)).toList();
        assertThat(caught).as("catch thrower's __c_longjmp, env.error, its own tag").containsExactly(1L, 0L, 3L);
        assertThat(calls(fused, s.bodies.get(1))).as("thrower.raise called directly").containsExactly(0L);

        assertThat(f.warnings()).containsExactly("modules 'thrower', 'catcher' use exception handling: the fused module needs"
                + " a runtime with exception handling (V8/node, wasmtime); a default WAMR build has none");
        assertThat(Fuser.fuse(List.of(unit("a", "a.wasm"), unit("b", "b.wasm")), DEFINED).warnings()).isEmpty();
        validate(fused);
    }

    @Test
    void aTagImportFromTheSetMustMatchWhatTheProviderExports() {
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("thrower", "thrower.wasm"), unit("w", "wrong-tag.wasm")), DEFINED))
                .isInstanceOf(FuseException.class)
                .hasMessage("imports tag thrower.__c_longjmp as (i64) -> () but module 'thrower' exports it as (i32) -> ()")
                .extracting(e -> ((FuseException) e).module()).isEqualTo("w");
        assertThatThrownBy(() -> Fuser.fuse(List.of(unit("thrower", "a.wasm"), unit("w", "wrong-tag.wasm")), DEFINED))
                .hasMessage("imports tag thrower.__c_longjmp but module 'thrower' exports no tag '__c_longjmp'");
    }

    private static Fuser.Unit unit(String name, String file) throws IOException {
        try (InputStream in = FuserTest.class.getResourceAsStream(file)) {
            return new Fuser.Unit(name, in.readAllBytes(), List.of(name), Map.of());
        }
    }

    private static List<Instruction> instructions(byte[] bytes, FunctionBody b) {
        return InstructionReader.forFunctionBody(new ByteReader(bytes, b.codeStart(), b.end(), "code")).readAll();
    }

    private static List<Long> calls(byte[] bytes, FunctionBody b) {
        return instructions(bytes, b).stream().filter(i -> i.opcode() == Opcode.CALL).map(i -> i.imm(0)).toList();
    }

    private static byte[] payload(WasmModule wm, byte[] bytes, String custom) {
        var s = wm.custom(custom).orElseThrow();
        return java.util.Arrays.copyOfRange(bytes, s.payloadStart(), s.end());
    }

    /** wasm-validate accepts it, when wabt is installed. */
    private void validate(byte[] fused) throws IOException {
        Path f = tmp.resolve("fused.wasm");
        Files.write(f, fused);
        try {
            Process p = new ProcessBuilder("wasm-validate", "--enable-exceptions", f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("wasm-validate: " + out).isZero();
        } catch (IOException absent) {
            // wabt not installed: the structure checks above still hold
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
