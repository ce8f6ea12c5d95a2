package dev.wasmlayout.wasm.reencode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every index space's hook reaches every place that names an index of it. A renumbered index keeps the width of its encoding when the new value fits (so the body keeps its
 * length and every code offset), and only grows when it does not.
 */
class ReencodeTest {
    /** Junk before the body, so offsets into the module array are checked for real. */
    private static final int AT = 11;

    /** call 3 as wasm-ld writes a relocatable site: a 5-byte padded LEB. */
    private static final int[] PADDED_CALL_3 = {0x10, 0x83, 0x80, 0x80, 0x80, 0x00};
    /** global.get 1 in a 2-byte padded LEB. */
    private static final int[] PADDED_GLOBAL_1 = {0x23, 0x81, 0x00};

    @Test
    void paddedIndexRenumberedSmallerOrLargerKeepsItsWidth() {
        byte[] body = body(PADDED_CALL_3, new int[] {0x1a}); // call 3; drop
        for (int now : new int[] {1, 200_000, Integer.MAX_VALUE}) {
            byte[] out = functions(3, now).body(body, window(body));
            assertThat(out).as("call %d", now).hasSize(body.length - AT);
            assertThat(decode(out)).extracting(Instruction::opcode).containsExactly(Opcode.CALL, Opcode.DROP, Opcode.END);
            assertThat(decode(out).get(0).imm(0)).isEqualTo(now);
            assertThat(decode(out).get(1).offset()).as("the next instruction did not move").isEqualTo(1 + PADDED_CALL_3.length);
        }
    }

    @Test
    void minimalIndexThatOutgrowsItsByteGrowsByOne() {
        byte[] body = body(new int[] {0x10, 0x03}, new int[] {0x1a}); // call 3 (one byte); drop
        byte[] out = functions(3, 200).body(body, window(body));
        assertThat(out).hasSize(body.length - AT + 1);
        assertThat(decode(out).get(0).imm(0)).isEqualTo(200);
        assertThat(Arrays.copyOfRange(out, 2, 4)).containsExactly(0xc8, 0x01);
        assertThat(decode(out).get(1).offset()).isEqualTo(4);
    }

    @Test
    void shorterPaddingIsKeptWhileTheValueFitsAndOutgrownMinimally() {
        byte[] body = body(PADDED_GLOBAL_1, new int[] {0x1a});
        Reencode fits = new Reencode().globals(g -> g == 1 ? 16_383 : g);
        assertThat(fits.body(body, window(body))).hasSize(body.length - AT);
        assertThat(decode(fits.body(body, window(body))).get(0).imm(0)).isEqualTo(16_383);

        Reencode outgrows = new Reencode().globals(g -> g == 1 ? 16_384 : g);
        byte[] out = outgrows.body(body, window(body));
        assertThat(out).hasSize(body.length - AT + 1);
        assertThat(Arrays.copyOfRange(out, 1, 5)).containsExactly(0x23, 0x80, 0x80, 0x01);
    }

    @Test
    void localsAndUntouchedInstructionsAreCopiedAsTheyWere() {
        // one local group with a padded count, then call 3, call 7 (kept), global.get 1
        byte[] body = bytes(concat(new int[] {0x81, 0x00, 0x01, 0x7f}, PADDED_CALL_3, new int[] {0x10, 0x87, 0x80, 0x00},
                PADDED_GLOBAL_1, new int[] {0x1a, 0x0b}));
        FunctionBody b = new FunctionBody(0, AT - 1, AT, AT + 4, body.length, 1);
        byte[] out = new Reencode().functions(f -> f == 3 ? 9 : f).globals(g -> g + 1).body(body, b);
        byte[] expected = Arrays.copyOfRange(body, AT, body.length);
        expected[4 + 1] = (byte) 0x89;        // call 9
        expected[4 + 6 + 4 + 1] = (byte) 0x82; // global.get 2
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void bodyWithNothingRenumberedIsLeftToTheCaller() {
        byte[] body = body(PADDED_CALL_3, new int[] {0x1a});
        assertThat(functions(4, 0).body(body, window(body))).isNull();
    }

    @Test
    void minimalCallTablesWritesCallIndirectsTableAsOneByte() {
        // call_indirect type 2 table 0, both 5-byte padded as wasm-ld writes them; drop
        int[] padded = {0x11, 0x82, 0x80, 0x80, 0x80, 0x00, 0x80, 0x80, 0x80, 0x80, 0x00};
        byte[] body = body(padded, new int[] {0x1a});
        byte[] out = new Reencode().minimalCallTables().body(body, window(body));
        assertThat(out).as("4 bytes shorter, the type index keeps its width").hasSize(body.length - AT - 4);
        assertThat(Arrays.copyOfRange(out, 1, 8)).containsExactly(0x11, 0x82, 0x80, 0x80, 0x80, 0x00, 0x00);
        assertThat(decode(out).get(0).ints()).containsExactly(2, 0);
        byte[] minimal = body(new int[] {0x11, 0x82, 0x80, 0x80, 0x80, 0x00, 0x00}, new int[] {0x1a});
        assertThat(new Reencode().minimalCallTables().body(minimal, window(minimal))).as("already one byte").isNull();
        assertThat(new Reencode().body(body, window(body))).as("off by default").isNull();
    }

    // ---- exception handling: tags in throw, catch and try_table's clauses; block types of try and try_table

    @Test
    void tagsOfThrowAndLegacyCatchKeepTheirPaddedWidth() {
        // try (type 1) i32.const 7 throw 2 (5-byte padded) catch 2 (padded) drop catch_all end
        int[] code = {0x06, 0x01, 0x41, 0x07, 0x08, 0x82, 0x80, 0x80, 0x80, 0x00,
                0x07, 0x82, 0x80, 0x80, 0x80, 0x00, 0x1a, 0x19, 0x0b};
        byte[] body = body(code);
        byte[] out = new Reencode().tags(t -> t == 2 ? 300 : t).types(t -> t + 4).body(body, window(body));
        assertThat(out).isEqualTo(bytes0(0x00, 0x06, 0x05, 0x41, 0x07, 0x08, 0xac, 0x82, 0x80, 0x80, 0x00,
                0x07, 0xac, 0x82, 0x80, 0x80, 0x00, 0x1a, 0x19, 0x0b, 0x0b));
        byte[] minimal = body(new int[] {0x41, 0x07, 0x08, 0x02});
        assertThat(new Reencode().tags(t -> t + 200).body(minimal, window(minimal))).as("a one-byte tag outgrows its byte")
                .isEqualTo(bytes0(0x00, 0x41, 0x07, 0x08, 0xca, 0x01, 0x0b));
        assertThat(new Reencode().tags(t -> t == 5 ? 6 : t).body(body, window(body))).as("tag 2 does not move").isNull();
    }

    @Test
    void tryTableRenumbersCatchAndCatchRefTagsNotTheCatchAllKindsOrLabels() {
        // try_table (type 3, 2-byte padded) 4 clauses: catch 1 ->0, catch_ref 2 (padded) ->1, catch_all ->2,
        // catch_all_ref ->3; throw 1; end
        int[] code = {0x1f, 0x83, 0x00, 0x04, 0x00, 0x01, 0x00, 0x01, 0x82, 0x80, 0x00, 0x01, 0x02, 0x02, 0x03, 0x03,
                0x08, 0x01, 0x0b};
        byte[] body = body(code);
        byte[] out = new Reencode().tags(t -> t + 10).types(t -> t * 100).body(body, window(body));
        assertThat(out).isEqualTo(bytes0(0x00, 0x1f, 0xac, 0x02, 0x04, 0x00, 0x0b, 0x00, 0x01, 0x8c, 0x80, 0x00, 0x01,
                0x02, 0x02, 0x03, 0x03, 0x08, 0x0b, 0x0b, 0x0b));
        // only a tag moves: the empty block type (0x40) is copied
        byte[] empty = body(new int[] {0x1f, 0x40, 0x02, 0x02, 0x00, 0x00, 0x05, 0x01, 0x0b});
        assertThat(new Reencode().tags(t -> t == 5 ? 1 : t).body(empty, window(empty)))
                .isEqualTo(bytes0(0x00, 0x1f, 0x40, 0x02, 0x02, 0x00, 0x00, 0x01, 0x01, 0x0b, 0x0b));
        assertThat(new Reencode().tags(t -> t == 7 ? 1 : t).body(empty, window(empty))).as("no clause names tag 7").isNull();
        assertThat(new Reencode().types(t -> t + 1).body(empty, window(empty))).as("no type index").isNull();
    }

    @Test
    void exceptionCorpusModulesHaveEveryTagAndBlockTypeRenumberedInPlace() {
        for (String name : List.of("exceptions", "exceptions-final")) {
            byte[] bytes = dev.wasmlayout.wasm.corpus.CorpusGenerator.modules().get(name);
            ModuleSections s = ModuleSections.decode(WasmModule.read(bytes));
            FunctionBody b = s.bodies.get(0);
            byte[] out = new Reencode().tags(t -> t + 5).types(t -> t + 20).body(bytes, b);
            assertThat(out).as(name).hasSize(b.end() - b.localsStart());
            assertThat(Arrays.copyOfRange(out, 0, b.codeStart() - b.localsStart())).as(name + ": locals")
                    .isEqualTo(Arrays.copyOfRange(bytes, b.localsStart(), b.codeStart()));
            List<Instruction> was = InstructionReader.forFunctionBody(new ByteReader(bytes, b.codeStart(), b.end(), "code")).readAll();
            List<Instruction> now = InstructionReader.forFunctionBody(
                    new ByteReader(out, b.codeStart() - b.localsStart(), out.length, "code")).readAll();
            assertThat(now).hasSameSizeAs(was);
            int tags = 0;
            for (int k = 0; k < was.size(); k++) {
                Instruction a = was.get(k);
                Instruction c = now.get(k);
                assertThat(c.opcode()).isEqualTo(a.opcode());
                assertThat(c.offset() - (b.codeStart() - b.localsStart())).as("did not move").isEqualTo(a.offset() - b.codeStart());
                switch (a.opcode().immediate()) {
                    case TAG:
                        assertThat(c.imm(0)).isEqualTo(a.imm(0) + 5);
                        tags++;
                        break;
                    case BLOCK_TYPE:
                        assertThat(c.blockType()).isEqualTo(a.blockType() < 0 ? a.blockType() : a.blockType() + 20);
                        break;
                    case TRY_TABLE:
                        assertThat(c.blockType()).isEqualTo(a.blockType());
                        for (int i = 0; i < a.catchCount(); i++) {
                            assertThat(c.catchKind(i)).isEqualTo(a.catchKind(i));
                            assertThat(c.catchLabel(i)).isEqualTo(a.catchLabel(i));
                            assertThat(c.catchTag(i)).isEqualTo(a.catchKind(i) < Instruction.CATCH_ALL ? a.catchTag(i) + 5 : 0);
                            tags += a.catchKind(i) < Instruction.CATCH_ALL ? 1 : 0;
                        }
                        break;
                    default:
                        assertThat(c.ints()).isEqualTo(a.ints());
                }
            }
            assertThat(tags).as(name + ": tags seen").isEqualTo(name.equals("exceptions") ? 4 : 3);
        }
    }

    // ---- every index space, on a module wat2wasm built (spaces.wat, build.sh next to it)

    @Test
    void everyIndexSpaceIsRenumberedByItsHook() throws Exception {
        byte[] bytes = spaces();
        ModuleSections s = ModuleSections.decode(WasmModule.read(bytes));
        byte[] out = shifted().body(bytes, s.bodies.get(1));
        assertThat(out).as("every index kept its width, so the body kept its length; memarg gained a memory index")
                .hasSize(s.bodies.get(1).end() - s.bodies.get(1).localsStart() + 1);
        List<Instruction> insns = InstructionReader.forFunctionBody(new ByteReader(out, 1, out.length, "code")).readAll();
        Map<Opcode, long[]> first = new java.util.EnumMap<>(Opcode.class);
        for (Instruction i : insns) {
            first.putIfAbsent(i.opcode(), i.ints());
        }
        assertThat(first.get(Opcode.BLOCK)).containsExactly(12);
        assertThat(first.get(Opcode.CALL_INDIRECT)).containsExactly(11, 3);
        assertThat(first.get(Opcode.GLOBAL_GET)).containsExactly(31);
        assertThat(first.get(Opcode.GLOBAL_SET)).containsExactly(31);
        assertThat(first.get(Opcode.MEMORY_INIT)).containsExactly(40, 1);
        assertThat(first.get(Opcode.DATA_DROP)).containsExactly(40);
        assertThat(first.get(Opcode.TABLE_INIT)).containsExactly(51, 3);
        assertThat(first.get(Opcode.ELEM_DROP)).containsExactly(51);
        assertThat(first.get(Opcode.TABLE_GET)).containsExactly(3);
        assertThat(first.get(Opcode.REF_FUNC)).containsExactly(20);
        assertThat(first.get(Opcode.I32_LOAD)).containsExactly(2, 4, 1, 1);
        assertThat(first.get(Opcode.CALL)).containsExactly(20);

        ByteWriter init = new ByteWriter();
        shifted().constExpr(bytes, s.globals.get(1).init().start(), bytes.length, init);
        assertThat(init.toByteArray()).containsExactly(0x23, 30, 0x0b);
    }

    @Test
    void elementSegmentsGetTheirTableFunctionsAndReferencesRenumbered() throws Exception {
        byte[] bytes = spaces();
        ModuleSections s = ModuleSections.decode(WasmModule.read(bytes));
        ByteWriter active = new ByteWriter();
        shifted().element(bytes, s.elements.get(0), active);
        // table 0 moved to 3: the form with a table index (flags 2, element kind 0), offset kept, items renumbered
        assertThat(active.toByteArray()).containsExactly(0x02, 3, 0x41, 1, 0x0b, 0x00, 2, 20, 21);
        ByteWriter passive = new ByteWriter();
        shifted().element(bytes, s.elements.get(1), passive);
        assertThat(passive.toByteArray()).containsExactly(0x05, 0x70, 2, 0xd2, 21, 0x0b, 0xd0, 0x70, 0x0b);
    }

    @Test
    void nothingRenumberedCopiesEverythingByteForByte() throws Exception {
        byte[] bytes = spaces();
        ModuleSections s = ModuleSections.decode(WasmModule.read(bytes));
        Reencode same = new Reencode().functions(f -> f).globals(g -> g);
        for (var b : s.bodies) {
            assertThat(same.body(bytes, b)).isNull();
        }
        for (var e : s.elements) {
            ByteWriter w = new ByteWriter();
            same.element(bytes, e, w);
            assertThat(w.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, e.start(), e.end()));
        }
        for (var d : s.data) {
            ByteWriter w = new ByteWriter();
            same.data(bytes, d, w);
            assertThat(w.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, d.start(), d.end()));
        }
    }

    private static Reencode shifted() {
        return new Reencode().types(t -> t + 10).functions(f -> f + 20).tables(t -> t + 3).memories(m -> m + 1)
                .globals(g -> g + 30).data(d -> d + 40).elements(e -> e + 50);
    }

    private static byte[] spaces() throws java.io.IOException {
        try (var in = ReencodeTest.class.getResourceAsStream("spaces.wasm")) {
            return in.readAllBytes();
        }
    }

    private static Reencode functions(int from, int to) {
        return new Reencode().functions(f -> f == from ? to : f);
    }

    /** No locals, the instructions, end; placed at {@link #AT} after a size byte and junk. */
    private static byte[] body(int[]... insns) {
        return bytes(concat(new int[] {0x00}, concat(insns), new int[] {0x0b}));
    }

    private static FunctionBody window(byte[] body) {
        return new FunctionBody(0, AT - 1, AT, AT + 1, body.length, 0);
    }

    /** The instructions of a remapped body (no locals), offsets counted from the body's start. */
    private static List<Instruction> decode(byte[] out) {
        ByteReader r = new ByteReader(out, 1, out.length, "code");
        return InstructionReader.forFunctionBody(r).readAll();
    }

    /** Bytes as written, for expected bodies. */
    private static byte[] bytes0(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static byte[] bytes(int[] content) {
        byte[] out = new byte[AT + content.length];
        Arrays.fill(out, 0, AT, (byte) 0xee);
        for (int i = 0; i < content.length; i++) {
            out[AT + i] = (byte) content[i];
        }
        return out;
    }
}
