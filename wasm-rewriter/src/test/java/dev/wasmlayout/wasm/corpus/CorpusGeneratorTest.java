package dev.wasmlayout.wasm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ConstExpr;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.InstructionWriter;
import dev.wasmlayout.wasm.code.Opcode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    private static final Map<String, byte[]> MODULES = CorpusGenerator.modules();
    /** Known sections in the order the spec requires (data count sits between element and code). */
    private static final List<Integer> ORDER = List.of(1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11);

    @Test
    void sectionsAreWellFormedAndInOrder() {
        MODULES.forEach((name, bytes) -> {
            int last = -1;
            for (ModuleWalker.Section s : ModuleWalker.sections(bytes)) {
                if (s.id() != 0) {
                    int rank = ORDER.indexOf(s.id());
                    assertThat(rank).as("%s: section %d", name, s.id()).isGreaterThan(last);
                    last = rank;
                }
            }
        });
    }

    @Test
    void coversEverySectionKindAndTheCustomSections() {
        Set<Integer> ids = new HashSet<>();
        Set<String> customs = new HashSet<>();
        MODULES.values().forEach(b -> ModuleWalker.sections(b).forEach(s -> {
            ids.add(s.id());
            if (s.name() != null) {
                customs.add(s.name());
            }
        }));
        assertThat(ids).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
        assertThat(customs).contains("name", "producers", "target_features", "linking", "reloc.CODE", "dylink.0");
        assertThat(ModuleWalker.sections(MODULES.get("pic")).get(0).name()).isEqualTo("dylink.0");
    }

    @Test
    void importsOfEveryKind() {
        ModuleWalker.Section s = section("sections", 2);
        ByteReader in = new ByteReader(MODULES.get("sections"), s.start(), s.end(), "import");
        Set<Integer> kinds = new HashSet<>();
        for (int n = in.u32AsInt("count"), i = 0; i < n; i++) {
            in.name("module");
            in.name("field");
            int kind = in.u8();
            kinds.add(kind);
            switch (kind) {
                case 0 -> in.u32();
                case 1 -> { in.u8(); limits(in); }
                case 2 -> limits(in);
                default -> { in.u8(); in.u8(); }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void allEightElementFormsAndThreeDataFormsWithConstExprs() {
        byte[] bytes = MODULES.get("sections");
        ModuleWalker.Section elems = section("sections", 9);
        ByteReader in = new ByteReader(bytes, elems.start(), elems.end(), "element");
        List<Integer> flags = new ArrayList<>();
        for (int n = in.u32AsInt("count"), i = 0; i < n; i++) {
            int f = in.u32AsInt("flags");
            flags.add(f);
            if ((f & 3) == 2) {
                in.u32();                                  // table index
            }
            if ((f & 1) == 0) {
                ConstExpr.read(in);                        // offset
            }
            if ((f & 3) != 0) {
                in.u8();                                   // elemkind or reftype
            }
            for (int k = in.u32AsInt("items"), j = 0; j < k; j++) {
                if ((f & 4) != 0) {
                    ConstExpr.read(in);
                } else {
                    in.u32();
                }
            }
        }
        in.expectEnd("element section");
        assertThat(flags).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        ModuleWalker.Section data = section("sections", 11);
        in = new ByteReader(bytes, data.start(), data.end(), "data");
        List<Integer> forms = new ArrayList<>();
        List<OptionalLong> offsets = new ArrayList<>();
        for (int n = in.u32AsInt("count"), i = 0; i < n; i++) {
            int f = in.u32AsInt("flags");
            forms.add(f);
            if (f == 2) {
                in.u32();
            }
            if (f != 1) {
                offsets.add(ConstExpr.read(in).value(g -> OptionalLong.of(100)));
            }
            in.skip(in.u32AsInt("size"), "data");
        }
        assertThat(forms).containsExactly(0, 1, 2);
        assertThat(offsets).containsExactly(OptionalLong.of(16), OptionalLong.of(132));
    }

    @Test
    void globalsIncludeExtendedConstInitialisers() {
        ModuleWalker.Section s = section("opcodes", 6);
        ByteReader in = new ByteReader(MODULES.get("opcodes"), s.start(), s.end(), "global");
        List<OptionalLong> values = new ArrayList<>();
        for (int n = in.u32AsInt("count"), i = 0; i < n; i++) {
            in.u8();
            in.u8();
            values.add(ConstExpr.read(in).value(g -> OptionalLong.of(1000)));
        }
        assertThat(values).startsWith(OptionalLong.of(0), OptionalLong.of(1016), OptionalLong.of(29));
    }

    @Test
    void everyBodyDecodesAndReencodes() {
        MODULES.forEach((name, bytes) -> {
            for (ModuleWalker.Body body : ModuleWalker.functionBodies(bytes)) {
                List<Instruction> insns = InstructionReader.forFunctionBody(body.reader(bytes)).readAll();
                ByteWriter out = new ByteWriter();
                InstructionWriter.writeAll(insns, out);
                byte[] original = Arrays.copyOfRange(bytes, body.exprStart(), body.end());
                if (CorpusGenerator.withPaddedLebs().contains(name)) {
                    // padded relocation sites shrink; the instructions must still be the same
                    List<Instruction> again = InstructionReader.forFunctionBody(new ByteReader(out.toByteArray())).readAll();
                    assertThat(again).hasSameSizeAs(insns);
                    for (int i = 0; i < insns.size(); i++) {
                        assertThat(again.get(i).sameAs(insns.get(i))).isTrue();
                    }
                } else {
                    assertThat(out.toByteArray()).as("%s body at %d", name, body.exprStart()).isEqualTo(original);
                }
            }
        });
    }

    @Test
    void usesEveryOpcode() {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        MODULES.forEach((name, bytes) -> {
            for (ModuleWalker.Body body : ModuleWalker.functionBodies(bytes)) {
                InstructionReader.forFunctionBody(body.reader(bytes)).readAll().forEach(i -> seen.add(i.opcode()));
            }
        });
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).isEmpty();
    }

    /** Runs wabt's validator on the corpus when it is installed (it is not required for the build). */
    @Test
    void wabtAcceptsTheCorpus(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(wabtCanValidate(), "wasm-validate with relaxed-simd support not installed");
        for (Map.Entry<String, byte[]> e : MODULES.entrySet()) {
            if (CorpusGenerator.newerThanWabt().contains(e.getKey())) {
                continue;
            }
            Path file = dir.resolve(e.getKey() + ".wasm");
            Files.write(file, e.getValue());
            // not --enable-all: wabt 1.0.32's function-references typing rejects ref.func in funcref globals
            Process p = new ProcessBuilder("wasm-validate", "--enable-threads", "--enable-tail-call", "--enable-multi-memory",
                    "--enable-extended-const", "--enable-relaxed-simd", "--enable-exceptions", file.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s: %s", e.getKey(), output).isZero();
        }
    }

    private static boolean wabtCanValidate() {
        try {
            Process p = new ProcessBuilder("wasm-validate", "--help").redirectErrorStream(true).start();
            String help = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && help.contains("--enable-relaxed-simd");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ModuleWalker.Section section(String module, int id) {
        return ModuleWalker.sections(MODULES.get(module)).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static void limits(ByteReader in) {
        int flags = in.u8();
        in.u32();
        if ((flags & 1) != 0) {
            in.u32();
        }
    }
}
