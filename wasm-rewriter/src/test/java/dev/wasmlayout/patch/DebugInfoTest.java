package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.inspect.DebugSections;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.custom.RelocSection;
import dev.wasmlayout.wasm.custom.RelocType;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.custom.Relocation;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each strategy does with DWARF, checked byte by byte against the committed modules with debug
 * info: every relocated site holds the new address or code offset, every other byte is as linked,
 * and what cannot be kept true is dropped with a line in the patch log.
 */
class DebugInfoTest {
    private static final int DROPPED_SYMBOL = -1;

    @Test
    void relocateMovesEveryDataAddressInDwarfAndLeavesEveryOtherByte() {
        ParsedModule m = DebugModules.load("globals.wasm");
        ModuleFacts f = Inspector.inspect("globals.wasm", m);
        long delta = 0x20000 - f.data().start();
        PatchResult r = DebugModules.patch(m, "relocate", DebugModules.movedTo(f, 0x20000));
        ParsedModule out = ParsedModule.parse(r.bytes());

        Map<String, byte[]> expected = DebugModules.dwarf(m);
        int moved = 0;
        for (RelocSection rs : m.relocs) {
            Section s = DebugModules.target(m, rs);
            if (!DebugModules.isDwarf(s)) {
                continue;
            }
            byte[] payload = expected.get(s.customName());
            for (Relocation rel : rs.entries()) {
                // clang-19 puts data addresses in DWARF only as raw i32 (DW_OP_addr, .debug_addr)
                assertThat(rel.type()).isIn(RelocType.MEMORY_ADDR_I32, RelocType.FUNCTION_OFFSET_I32,
                        RelocType.SECTION_OFFSET_I32, RelocType.GLOBAL_INDEX_I32);
                if (rel.type() == RelocType.MEMORY_ADDR_I32 && rel.symbol() != DROPPED_SYMBOL) {
                    putU32(payload, rel.offset(), DebugModules.u32(payload, rel.offset()) + delta);
                    moved++;
                }
            }
        }
        // table, p, counter, origin, scratch; the code section did not move, so no code offset changes
        assertThat(moved).isEqualTo(5);
        assertThat(DebugModules.dwarf(out)).containsOnlyKeys(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(DebugModules.dwarf(out).get(name)).as(name).isEqualTo(bytes));
        assertThat(r.actions()).contains("debug info (6 .debug_* sections) rewritten through its relocations:"
                + " 5 data addresses, 30 code offsets (code did not move)");
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"grow.wasm", "grow.dwarf5.wasm"})
    void codeOffsetsFollowMovedFunctionsAndTheRewrittenFunctionIsMarkedRemoved(String file) {
        ParsedModule m = DebugModules.load(file);
        ModuleFacts f = Inspector.inspect(file, m);
        long delta = 0x30000 - f.data().start();
        PatchResult r = DebugModules.patch(m, "relocate", DebugModules.movedTo(f, 0x30000));
        ParsedModule out = ParsedModule.parse(r.bytes());
        // grow's memory.grow became a call to function 134 (two LEB bytes): every later body moved by one
        assertThat(m.functionIndex("grow") - m.sections.importedFunctions).isZero();
        assertThat(DebugModules.bodyOffsets(out)[1] - DebugModules.bodyOffsets(m)[1]).isEqualTo(1);

        Map<String, byte[]> expected = expectedDwarf(m, out, delta, "grow");
        expected.forEach((name, bytes) -> assertThat(DebugModules.dwarf(out).get(name)).as(name).isEqualTo(bytes));
        assertThat(r.warnings()).containsExactly("debug info of grow marked as removed code (the linker's tombstone): the patch"
                + " rewrote inside the body, where DWARF's line steps and lengths cannot be shifted");
    }

    /**
     * The DWARF of {@code m} as it must read after the patch, worked out from the sites alone: data
     * addresses plus {@code delta}, code offsets moved with the body holding them, the tombstone for
     * every offset into {@code rewritten}, and every other byte as linked.
     */
    private static Map<String, byte[]> expectedDwarf(ParsedModule m, ParsedModule out, long delta, String rewritten) {
        int[] oldStarts = DebugModules.bodyOffsets(m);
        int[] newStarts = DebugModules.bodyOffsets(out);
        int changed = m.functionIndex(rewritten) - m.sections.importedFunctions;
        Map<String, byte[]> expected = DebugModules.dwarf(m);
        int codeSites = 0;
        int tombstones = 0;
        for (RelocSection rs : m.relocs) {
            Section s = DebugModules.target(m, rs);
            if (!DebugModules.isDwarf(s)) {
                continue;
            }
            String name = s.customName();
            byte[] payload = expected.get(name);
            for (Relocation rel : rs.entries()) {
                if (rel.symbol() == DROPPED_SYMBOL) {
                    continue;
                }
                long old = DebugModules.u32(payload, rel.offset());
                if (rel.type() == RelocType.MEMORY_ADDR_I32) {
                    putU32(payload, rel.offset(), old + delta);
                } else if (rel.type() == RelocType.FUNCTION_OFFSET_I32) {
                    int body = DebugModules.bodyAt(m, old);
                    assertThat(body).as("code offset %d in %s", old, name).isNotNegative();
                    if (body == changed) {
                        putU32(payload, rel.offset(), name.equals(".debug_loc") || name.equals(".debug_ranges")
                                ? 0xfffffffeL : 0xffffffffL);
                        tombstones++;
                    } else {
                        putU32(payload, rel.offset(), old - oldStarts[body] + newStarts[body]);
                    }
                    codeSites++;
                }
            }
        }
        assertThat(codeSites).isGreaterThan(m.sections.bodies.size());
        assertThat(tombstones).isPositive();
        return expected;
    }

    @Test
    void placedKeepsDwarfAsLinkedWhenNothingItDescribesMoved() {
        ParsedModule m = DebugModules.load("globals.placed.wasm");
        PatchResult r = DebugModules.patch(m, "placed", DebugModules.asPlaced(Inspector.inspect("g", m)));
        ParsedModule out = ParsedModule.parse(r.bytes());
        Map<String, byte[]> before = DebugModules.dwarf(m);
        assertThat(before).hasSize(6);
        before.forEach((name, bytes) -> assertThat(DebugModules.dwarf(out).get(name)).as(name).isEqualTo(bytes));
        assertThat(r.actions()).contains(
                "kept the debug info (6 .debug_* sections) as linked: code offsets and data addresses are unchanged");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void placedDropsDwarfWhenTheCodeMovesWithoutRelocations() {
        ParsedModule m = DebugModules.load("grow.placed.wasm");
        PatchResult r = DebugModules.patch(m, "placed", DebugModules.asPlaced(Inspector.inspect("g", m)));
        assertThat(DebugModules.dwarf(ParsedModule.parse(r.bytes()))).isEmpty();
        assertThat(r.warnings()).containsExactly("dropped the debug info (6 .debug_* sections): 133 function bodies moved or"
                + " changed inside, and the module has no relocations for its DWARF (link with -Wl,--emit-relocs to keep it)");
    }

    @Test
    void placedCorrectsDwarfThroughRelocationsWhenItHasThem() {
        ParsedModule m = DebugModules.load("grow.placed.relocs.wasm");
        PatchResult r = DebugModules.patch(m, "placed", DebugModules.asPlaced(Inspector.inspect("g", m)));
        ParsedModule out = ParsedModule.parse(r.bytes());
        expectedDwarf(m, out, 0, "grow").forEach((name, bytes) ->
                assertThat(DebugModules.dwarf(out).get(name)).as(name).isEqualTo(bytes));
        assertThat(r.actions()).contains("debug info (6 .debug_* sections) rewritten through its relocations: 3 data"
                + " addresses, 666 code offsets (133 function bodies moved)");
    }

    @Test
    void picDropsDwarf() {
        ParsedModule m = DebugModules.load("grow.pic.wasm");
        ModuleFacts f = Inspector.inspect("grow.pic.wasm", m);
        PatchResult r = DebugModules.patch(m, "pic", DebugModules.movedTo(f, 0x20000));
        assertThat(DebugModules.dwarf(m)).hasSize(6);
        assertThat(DebugModules.dwarf(ParsedModule.parse(r.bytes()))).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith("dropped the debug info (6 .debug_* sections):"
                + " a position-independent module has no relocations for its DWARF");
    }

    @Test
    void leavingOutAnOptionalModuleKeepsDwarfWhenTheRenumberedCallsFitTheirWidth() {
        ParsedModule m = DebugModules.load("grow.wasm");
        byte[] patched = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect("g", m), 0x20000)).bytes();
        ParsedModule before = ParsedModule.parse(patched);
        assertThat(DebugModules.dwarf(before)).hasSize(6);
        List<String> log = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ParsedModule after = ParsedModule.parse(ImportStubs.apply(patched, Set.of("trace"), log, warnings));

        // grow calls the heap confinement's grow function (defined before the stack check's two, now one lower)
        // and note (index 0): that call now reaches the stub appended last, in the same five bytes
        int stub = after.sections.functionCount() - 1;
        assertThat(after.functionName(stub)).isEqualTo("stub:trace.note");
        assertThat(before.functionName(stub - 2)).isEqualTo("__wasm_layout_memory_grow");
        assertThat(after.functionName(stub - 3)).isEqualTo("__wasm_layout_memory_grow");
        assertThat(calls(before, before.functionIndex("grow"))).containsExactly((long) stub - 2, 0L);
        assertThat(calls(after, after.functionIndex("grow"))).containsExactly((long) stub - 3, (long) stub);
        // so every body kept its offset in the code section, and the DWARF is as the patch left it
        int[] offsets = DebugModules.bodyOffsets(after);
        assertThat(Arrays.copyOf(offsets, offsets.length - 1)).isEqualTo(DebugModules.bodyOffsets(before));
        DebugModules.dwarf(before).forEach((name, bytes) ->
                assertThat(DebugModules.dwarf(after).get(name)).as(name).isEqualTo(bytes));
        assertThat(warnings).isEmpty();
        assertThat(log).contains("kept the debug info (6 .debug_* sections) after leaving out trace: every function body"
                + " kept its code offsets");
    }

    @Test
    void leavingOutAnOptionalModuleDropsDwarfWhenACallOutgrowsItsWidth() {
        ParsedModule m = DebugModules.load("grow.wasm");
        byte[] patched = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect("g", m), 0x20000)).bytes();
        // as wasm-opt or wasm-ld --compress-relocations write it: call 0 in one byte, too short for the stub's index 136
        byte[] compressed = withMinimalCallsToNote(ParsedModule.parse(patched));
        List<String> log = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        byte[] stubbed = ImportStubs.apply(compressed, Set.of("trace"), log, warnings);
        assertThat(DebugModules.dwarf(ParsedModule.parse(stubbed))).isEmpty();
        assertThat(log).containsAll(warnings);
        assertThat(warnings).containsExactly("dropped the debug info (6 .debug_* sections): leaving out trace moved code"
                + " in 136 function bodies, and no relocations remain to correct the DWARF");
    }

    /** The function indices a body calls, in order. */
    private static List<Long> calls(ParsedModule m, int function) {
        FunctionBody b = m.sections.bodies.get(function - m.sections.importedFunctions);
        List<Long> out = new ArrayList<>();
        InstructionReader.forFunctionBody(new ByteReader(m.bytes(), b.codeStart(), b.end(), "code")).readAll().stream()
                .filter(i -> i.opcode() == Opcode.CALL)
                .forEach(i -> out.add(i.imm(0)));
        return out;
    }

    /** The module with grow's padded call to note (function 0) written in one byte. */
    private static byte[] withMinimalCallsToNote(ParsedModule m) {
        FunctionBody b = m.sections.bodies.get(m.functionIndex("grow") - m.sections.importedFunctions);
        byte[] padded = {0x10, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
        ByteWriter w = new ByteWriter();
        int copied = b.localsStart();
        for (int at = b.codeStart(); at + padded.length <= b.end(); at++) {
            if (Arrays.equals(m.bytes(), at, at + padded.length, padded, 0, padded.length)) {
                w.bytes(m.bytes(), copied, at - copied).u8(0x10).u8(0x00);
                copied = at + padded.length;
            }
        }
        assertThat(copied).as("grow calls note").isGreaterThan(b.localsStart());
        w.bytes(m.bytes(), copied, b.end() - copied);
        return new ModuleEditor(m.module, m.sections.bodies).replaceBody(b.index(), w.toByteArray()).write();
    }

    @Test
    void debugSitesThatDoNotMatchTheirSymbolsDropTheDwarf() {
        ParsedModule m = DebugModules.load("globals.wasm");
        byte[] bytes = m.bytes().clone();
        RelocSection info = m.relocs.stream().filter(rs -> rs.name().equals("reloc..debug_info")).findFirst().orElseThrow();
        Relocation site = info.entries().stream()
                .filter(rel -> rel.type() == RelocType.MEMORY_ADDR_I32 && rel.symbol() != DROPPED_SYMBOL).findFirst().orElseThrow();
        int at = DebugModules.target(m, info).payloadStart() + site.offset();
        putU32(bytes, at, DebugModules.u32(bytes, at) + 8); // as if a tool rewrote the DWARF after the link
        ParsedModule changed = ParsedModule.parse(bytes);

        PatchResult r = DebugModules.patch(changed, "relocate",
                DebugModules.movedTo(Inspector.inspect("g", changed), 0x20000));
        assertThat(DebugModules.dwarf(ParsedModule.parse(r.bytes()))).isEmpty();
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("dropped the debug info (6 .debug_* sections): reloc..debug_info site at offset " + site.offset())
                .endsWith("not what its symbol gives (the debug info changed after linking)");
    }

    @Test
    void sourceMapsAndSeparateDwarfFilesAreDroppedOnceAddressesMove() {
        ParsedModule linked = DebugModules.load("globals.wasm");
        ModuleEditor ed = new ModuleEditor(linked.module, linked.sections.bodies);
        ed.appendCustom(DebugSections.SOURCE_MAP, url("globals.wasm.map"));
        ed.appendCustom(DebugSections.EXTERNAL_DWARF, url("globals.debug.wasm"));
        ParsedModule m = ParsedModule.parse(ed.write());

        PatchResult r = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect("g", m), 0x20000));
        ParsedModule out = ParsedModule.parse(r.bytes());
        assertThat(out.module.custom(DebugSections.SOURCE_MAP)).isEmpty();
        assertThat(out.module.custom(DebugSections.EXTERNAL_DWARF)).isEmpty();
        assertThat(r.warnings()).contains("dropped sourceMappingURL: a source map counts module file offsets, and the patch"
                + " changes sections before the code");
        assertThat(r.warnings()).anyMatch(a -> a.startsWith("dropped external_debug_info: the separate DWARF file it names"
                + " describes the module as linked (static data moved by "));
    }

    private static byte[] url(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) b.length;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    private static void putU32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
