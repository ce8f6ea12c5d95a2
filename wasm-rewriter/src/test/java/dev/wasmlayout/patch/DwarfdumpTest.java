package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.TestFiles;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relocated DWARF read back by LLVM's own reader: every variable's DW_OP_addr is the address
 * the patched module uses for it, and every line row lands where its instruction now is.
 */
class DwarfdumpTest {
    private static final String DWARFDUMP = "llvm-dwarfdump-19";
    private static final Pattern ROW = Pattern.compile("^0x([0-9a-f]{16})(\\s.*)$");
    private static final Pattern ADDR = Pattern.compile("DW_AT_location\\s+\\(DW_OP_addr 0x([0-9a-f]+)\\)");
    private static final Pattern NAME = Pattern.compile("DW_AT_name\\s+\\(\"([^\"]+)\"\\)");

    @TempDir
    Path dir;

    @BeforeEach
    void needsDwarfdump() {
        assumeTrue(TestFiles.onPath(DWARFDUMP), DWARFDUMP + " (Debian llvm-19) is not installed");
    }

    @Test
    void variablesAreWhereThePatchedModuleKeepsThem() throws Exception {
        ParsedModule m = DebugModules.load("globals.wasm");
        Placement p = DebugModules.movedTo(Inspector.inspect("globals.wasm", m), 0x20000);
        ParsedModule out = ParsedModule.parse(DebugModules.patch(m, "relocate", p).bytes());
        Map<String, Long> at = variables(dump(out.bytes(), "--debug-info"), "./globals.c");

        assertThat(at).containsOnlyKeys("table", "p", "counter", "origin", "scratch");
        // the link exported counter's address as a global, which the patch moved (trap 2)
        assertThat(at.get("counter")).isEqualTo(exportedGlobal(out, "counter"));
        // p = &table[1]: the patched data segment holds the pointer where DWARF says p is
        assertThat(loadU32(out, at.get("p"))).isEqualTo(at.get("table") + 4);
        for (long a : at.values()) {
            assertThat(a).isBetween(p.dataStart(), p.dataEnd() - 1);
        }
    }

    @Test
    void lineTableIsAsLinkedWhenTheCodeDidNotMove() throws Exception {
        ParsedModule m = DebugModules.load("globals.wasm");
        byte[] out = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect("g", m), 0x20000)).bytes();
        List<String> before = rows(dump(DebugModules.withoutRelocations(m), "--debug-line"));
        assertThat(before).hasSizeGreaterThan(20);
        assertThat(rows(dump(out, "--debug-line"))).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grow.wasm", "grow.dwarf5.wasm"})
    void lineRowsFollowTheirFunctionAndStartInstructions(String file) throws Exception {
        ParsedModule m = DebugModules.load(file);
        ParsedModule out = ParsedModule.parse(DebugModules.patch(m, "relocate",
                DebugModules.movedTo(Inspector.inspect(file, m), 0x30000)).bytes());
        int[] oldStarts = DebugModules.bodyOffsets(m);
        int[] newStarts = DebugModules.bodyOffsets(out);
        int grow = m.functionIndex("grow") - m.sections.importedFunctions;

        List<List<String>> expected = new ArrayList<>();
        for (List<String> sequence : sequences(rows(dump(DebugModules.withoutRelocations(m), "--debug-line")))) {
            int body = DebugModules.bodyAt(m, address(sequence.get(0)));
            for (String row : sequence) {
                assertThat(DebugModules.bodyAt(m, address(row))).as("every sequence covers one function: %s", row).isEqualTo(body);
            }
            if (body == grow) {
                continue; // marked removed: LLVM skips a sequence that starts at the tombstone
            }
            List<String> moved = new ArrayList<>();
            for (String row : sequence) {
                moved.add(String.format("0x%016x", address(row) + newStarts[body] - oldStarts[body]) + row.substring(18));
            }
            expected.add(moved);
        }
        List<List<String>> actual = sequences(rows(dump(out.bytes(), "--debug-line")));
        assertThat(actual).hasSize(m.sections.bodies.size() - 1).isEqualTo(expected);

        Set<Long> starts = instructionStarts(out);
        for (List<String> sequence : actual) {
            for (String row : sequence) {
                assertThat(starts).as("row %s starts an instruction (or a body, or ends one)", row).contains(address(row));
            }
        }
    }

    @Test
    void leavingOutAnOptionalModuleKeepsEveryLineRowOnItsInstruction() throws Exception {
        ParsedModule m = DebugModules.load("grow.wasm");
        byte[] patched = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect("g", m), 0x20000)).bytes();
        ParsedModule stubbed = ParsedModule.parse(ImportStubs.apply(patched, Set.of("trace"), new ArrayList<>()));
        List<String> rows = rows(dump(stubbed.bytes(), "--debug-line"));
        assertThat(rows).isEqualTo(rows(dump(patched, "--debug-line"))).hasSizeGreaterThan(m.sections.bodies.size());
        Set<Long> starts = instructionStarts(stubbed);
        for (String row : rows) {
            assertThat(starts).as("row %s starts an instruction (or a body, or ends one)", row).contains(address(row));
        }
        assertThat(dump(stubbed.bytes(), "--verify")).contains("No errors.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"globals.wasm", "grow.wasm"})
    void verifierFindsNoErrors(String file) throws Exception {
        ParsedModule m = DebugModules.load(file);
        byte[] out = DebugModules.patch(m, "relocate", DebugModules.movedTo(Inspector.inspect(file, m), 0x20000)).bytes();
        assertThat(dump(out, "--verify")).contains("No errors.");
    }

    private String dump(byte[] module, String what) throws Exception {
        Path f = Files.createTempFile(dir, "m", ".wasm");
        Files.write(f, module);
        Process p = new ProcessBuilder(DWARFDUMP, what, f.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    /** DW_OP_addr of every variable declared in {@code file}, by name. */
    private static Map<String, Long> variables(String debugInfo, String file) {
        Map<String, Long> out = new TreeMap<>();
        for (String die : debugInfo.split("\n\\s*\n")) {
            Matcher name = NAME.matcher(die);
            Matcher addr = ADDR.matcher(die);
            if (die.contains("DW_TAG_variable") && die.contains("DW_AT_decl_file\t(\"" + file + "\")") && name.find()
                    && addr.find()) {
                out.put(name.group(1), Long.parseLong(addr.group(1), 16));
            }
        }
        return out;
    }

    /** The line table rows (address and the rest), in order; headers are left out. */
    private static List<String> rows(String debugLine) {
        List<String> out = new ArrayList<>();
        for (String line : debugLine.split("\n")) {
            if (ROW.matcher(line).matches()) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<List<String>> sequences(List<String> rows) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String row : rows) {
            current.add(row);
            if (row.contains("end_sequence")) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        assertThat(current).isEmpty();
        return out;
    }

    private static long address(String row) {
        Matcher m = ROW.matcher(row);
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1), 16);
    }

    /** Code offsets (from the code payload) of every body start, instruction start and body end. */
    private static Set<Long> instructionStarts(ParsedModule m) {
        int base = m.module.section(SectionIds.CODE).orElseThrow().payloadStart();
        Set<Long> out = new HashSet<>();
        for (FunctionBody b : m.sections.bodies) {
            out.add((long) b.localsStart() - base);
            ByteReader r = new ByteReader(m.bytes(), b.codeStart(), b.end(), "code");
            InstructionReader insns = InstructionReader.forFunctionBody(r);
            while (insns.hasNext()) {
                out.add((long) r.pos() - base);
                insns.skip();
            }
            out.add((long) b.end() - base);
        }
        return out;
    }

    private static long exportedGlobal(ParsedModule m, String name) {
        for (Export e : m.sections.exports) {
            if (e.kind() == ExternalKind.GLOBAL && e.name().equals(name)) {
                return m.sections.globals.get(e.index() - m.sections.importedGlobals).init().value().getAsLong();
            }
        }
        throw new AssertionError("no exported global " + name);
    }

    /** The i32 an active data segment puts at {@code address}. */
    private static long loadU32(ParsedModule m, long address) {
        for (DataSegment d : m.sections.data) {
            if (d.address() >= 0 && d.address() <= address && address + 4 <= d.address() + d.length()) {
                return DebugModules.u32(m.bytes(), d.dataStart() + (int) (address - d.address()));
            }
        }
        throw new AssertionError("no data segment holds 0x" + Long.toHexString(address));
    }
}
