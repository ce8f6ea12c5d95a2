package dev.wasmlayout.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every manifest mistake, with its exact one-line message. */
class ManifestErrorsTest {

    @TempDir
    Path dir;

    /** The message after the file name: "line:column: detail". */
    private String error(String yaml) {
        Path file = ManifestFixture.write(dir, yaml, "app.wasm", "lib.wasm");
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> ManifestReader.load(file));
        assertThat(e).as("expected a ManifestException").isNotNull();
        assertThat(e.getMessage()).startsWith(file + ":").doesNotContain("\n");
        return e.getMessage().substring(file.toString().length() + 1);
    }

    private static final String MEMORY = "memory:\n  max: 1MiB\n";

    @Test
    void unknownKeyWithSuggestion() {
        assertThat(error(MEMORY + """
                modules:
                  - name: app
                    wasm: app.wasm
                    stak: 16KiB
                """)).isEqualTo("6:5: unknown key 'stak' in module 'app' (did you mean 'stack'?)");
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(error(MEMORY + "modles: []\n"))
                .isEqualTo("3:1: unknown key 'modles' (did you mean 'modules'?)");
    }

    @Test
    void unknownKeyWithoutNearMatchListsTheValidOnes() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nlinker: lld\n"))
                .isEqualTo("4:1: unknown key 'linker' (expected one of: memory, reserve, shared, modules, run)");
    }

    @Test
    void unknownKeyInAnUnnamedItemUsesItsNumber() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm }\n  - { wasm: lib.wasm, heep: 0 }\n"))
                .isEqualTo("5:23: unknown key 'heep' in module #2 (did you mean 'heap'?)");
    }

    @Test
    void unknownKeyInMemory() {
        assertThat(error("memory:\n  max: 1MiB\n  maxx: 2MiB\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("3:3: unknown key 'maxx' in memory (did you mean 'max'?)");
    }

    @Test
    void duplicateNameAcrossModulesAndShared() {
        assertThat(error(MEMORY + """
                shared:
                  - { name: app, size: 1KiB }
                modules:
                  - { name: app, wasm: app.wasm }
                """)).isEqualTo("6:13: name 'app' is already taken by the shared buffer at 4:13");
    }

    @Test
    void duplicateNameIsReportedAtTheLaterOneWhateverTheSectionOrder() {
        assertThat(error("""
                modules:
                  - { name: io, wasm: app.wasm }
                reserve:
                  - { name: io, size: 1KiB }
                memory: { max: 1MiB }
                """)).isEqualTo("4:13: name 'io' is already taken by the module at 2:13");
    }

    @Test
    void duplicateModuleNames() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm }\n  - { name: app, wasm: lib.wasm }\n"))
                .isEqualTo("5:13: name 'app' is already taken by the module at 4:13");
    }

    @Test
    void nameTakenByTheAutomaticNullGuard() {
        assertThat(error(MEMORY + "reserve: [ { name: null-guard, size: 1KiB } ]\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("3:20: name 'null-guard' is taken by the automatic null guard"
                        + " (set null-guard: false in memory, or rename this)");
    }

    @Test
    void moduleFileThatDoesNotExist() {
        String message = error(MEMORY + "modules:\n  - { name: app, wasm: build/app.wasm }\n");
        assertThat(message).isEqualTo("4:24: module 'app': file 'build/app.wasm' does not exist (looked for "
                + dir.resolve("build/app.wasm") + ")");
    }

    @Test
    void moduleFileThatIsAFolder() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: . }\n"))
                .isEqualTo("4:24: module 'app': file '.' is not a file (looked for " + dir + ")");
    }

    @Test
    void writerThatIsNoModule() {
        assertThat(error(MEMORY + """
                shared:
                  - { name: ring, size: 1KiB, writers: [ap], readers: [app] }
                modules: [ { name: app, wasm: app.wasm } ]
                """)).isEqualTo("4:41: writers in shared 'ring': 'ap' is not a module (did you mean 'app'?)");
    }

    @Test
    void readerThatIsNoModule() {
        assertThat(error(MEMORY + """
                shared:
                  - { name: ring, size: 1KiB, readers: [host] }
                modules: [ { name: app, wasm: app.wasm } ]
                """)).isEqualTo("4:41: readers in shared 'ring': 'host' is not a module");
    }

    @Test
    void moduleListedTwiceAsWriter() {
        assertThat(error(MEMORY + """
                shared:
                  - { name: ring, size: 1KiB, writers: [app, app] }
                modules: [ { name: app, wasm: app.wasm } ]
                """)).isEqualTo("4:46: writers in shared 'ring': 'app' is listed twice");
    }

    @Test
    void importProviderThatIsNoModule() {
        assertThat(error(MEMORY + """
                modules:
                  - { name: app, wasm: app.wasm, imports: { mathlib: mathlb } }
                  - { name: mathlib, wasm: lib.wasm }
                """)).isEqualTo("4:54: imports in module 'app': 'mathlb' is not a module (did you mean 'mathlib'?)");
    }

    @Test
    void importFromItself() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, imports: { env2: app } }\n"))
                .isEqualTo("4:51: imports in module 'app': a module cannot import 'env2' from itself");
    }

    @Test
    void negativeSize() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, stack: -16 }\n"))
                .isEqualTo("4:41: stack in module 'app': must not be negative, got '-16'");
    }

    @Test
    void alignmentThatIsNotAPowerOfTwo() {
        assertThat(error(MEMORY + "shared:\n  - { name: ring, size: 1KiB, align: 24 }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:38: align in shared 'ring': expected a power of two, got '24'");
    }

    @Test
    void zeroAlignment() {
        assertThat(error(MEMORY + "reserve:\n  - { name: io, size: 1KiB, align: 0 }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:36: align in reserve 'io': expected a power of two, got '0'");
    }

    @Test
    void fixedAddressThatBreaksItsAlignment() {
        assertThat(error(MEMORY + "reserve:\n  - { name: io, at: 0x1010, size: 1KiB, align: 4KiB }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:21: at in reserve 'io': expected a multiple of its align (4KiB), got '0x1010'");
    }

    @Test
    void emptyRegion() {
        assertThat(error(MEMORY + "reserve:\n  - { name: io, size: 0 }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:23: size in reserve 'io': expected at least 1 byte, got '0'");
    }

    @Test
    void notAMapping() {
        assertThat(error("- memory\n- modules\n"))
                .isEqualTo("1:1: the manifest must be a mapping with keys memory:, modules:, ... but is a list");
    }

    @Test
    void aScalarDocument() {
        assertThat(error("hello\n"))
                .isEqualTo("1:1: the manifest must be a mapping with keys memory:, modules:, ... but is 'hello'");
    }

    @Test
    void emptyDocument() {
        assertThat(error("# nothing yet\n")).isEqualTo("1:1: the manifest is empty: it needs at least memory: and modules:");
    }

    @Test
    void notYaml() {
        assertThat(error("memory: [1, 2\nmodules: x\n"))
                .isEqualTo("2:8: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence started at 1:9)");
    }

    @Test
    void mappingValueInAPlainScalar() {
        assertThat(error("memory: max: 1MiB\n")).isEqualTo("1:12: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void tabIndentation() {
        assertThat(error("memory:\n\tmax: 1MiB\n"))
                .isEqualTo("2:1: invalid YAML: found character '\\t(TAB)' that cannot start any token."
                        + " (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void secondDocument() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\n---\nmore: 1\n"))
                .isEqualTo("5:1: expected a single document, found a second one here");
    }

    @Test
    void duplicateYamlKey() {
        assertThat(error(MEMORY + "modules:\n  - name: app\n    wasm: app.wasm\n    name: lib\n"))
                .isEqualTo("6:5: duplicate key 'name' (first at 4:5)");
    }

    @Test
    void yamlAlias() {
        assertThat(error("memory:\n  max: &m 1MiB\nreserve: [ { name: a, size: *m } ]\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("3:29: YAML aliases (*m) are not supported: write the value out");
    }

    @Test
    void wrongValueTypeForASize() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, heap: big }\n"))
                .isEqualTo("4:40: heap in module 'app': expected a size like 16KiB, got 'big'");
    }

    @Test
    void sizeGivenAsAList() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, heap: [1] }\n"))
                .isEqualTo("4:40: heap in module 'app': expected a size like 16KiB, got a list");
    }

    @Test
    void sizeGivenAsNothing() {
        assertThat(error(MEMORY + "modules:\n  - name: app\n    wasm: app.wasm\n    heap:\n"))
                .isEqualTo("6:10: heap in module 'app': expected a size like 16KiB, got nothing");
    }

    @Test
    void fractionalSize() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, heap: 1.5MiB }\n"))
                .isEqualTo("4:40: heap in module 'app': expected a size like 16KiB, got '1.5MiB'");
    }

    @Test
    void decimalUnitsAreRefusedWithAHint() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, heap: 64KB }\n"))
                .isEqualTo("4:40: heap in module 'app': expected a size like 16KiB, got '64KB'"
                        + " (write KiB, MiB or GiB: sizes count in 1024s)");
    }

    @Test
    void sizeLargerThanA32BitMemory() {
        assertThat(error("memory:\n  max: 8GiB\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("2:8: max in memory: expected at most 4GiB, got '8GiB'");
    }

    @Test
    void wrongTypeForAnAddress() {
        assertThat(error(MEMORY + "reserve:\n  - { name: io, at: high, size: 1KiB }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:21: at in reserve 'io': expected an address like 0x10000, got 'high'");
    }

    @Test
    void wrongTypeForABoolean() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, optional: maybe }\n"))
                .isEqualTo("4:44: optional in module 'app': expected true or false, got 'maybe'");
    }

    @Test
    void wrongTypeForNullGuard() {
        assertThat(error("memory: { max: 1MiB, null-guard: some }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("1:34: null-guard in memory: expected a size like 1KiB, or true or false, got 'some'");
    }

    @Test
    void wrongTypeForASection() {
        assertThat(error(MEMORY + "modules: { name: app }\n"))
                .isEqualTo("3:10: modules: expected a list, got a mapping");
    }

    @Test
    void moduleThatIsNotAMapping() {
        assertThat(error(MEMORY + "modules:\n  - app.wasm\n"))
                .isEqualTo("4:5: modules: expected each module to be a mapping, got 'app.wasm'");
    }

    @Test
    void memoryThatIsNotAMapping() {
        assertThat(error("memory: 1MiB\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("1:9: memory: expected a mapping, got '1MiB'");
    }

    @Test
    void noModules() {
        assertThat(error(MEMORY + "modules: []\n")).isEqualTo("3:10: modules: expected at least one module, got an empty list");
    }

    @Test
    void modulesWithNothing() {
        assertThat(error(MEMORY + "modules:\n")).isEqualTo("3:9: modules: expected at least one module, got nothing");
    }

    @Test
    void missingModules() {
        assertThat(error(MEMORY)).isEqualTo("1:1: missing key 'modules'");
    }

    @Test
    void missingMemory() {
        assertThat(error("modules: [ { name: app, wasm: app.wasm } ]\n")).isEqualTo("1:1: missing key 'memory'");
    }

    @Test
    void missingMax() {
        assertThat(error("memory:\n  import: env.memory\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("2:3: missing key 'max' in memory");
    }

    @Test
    void missingWasm() {
        assertThat(error(MEMORY + "modules:\n  - name: app\n    stack: 1KiB\n"))
                .isEqualTo("4:5: missing key 'wasm' in module 'app'");
    }

    @Test
    void missingName() {
        assertThat(error(MEMORY + "modules:\n  - { wasm: app.wasm }\n")).isEqualTo("4:5: missing key 'name' in module #1");
    }

    @Test
    void maxThatIsNotAWholeNumberOfPages() {
        assertThat(error("memory: { max: 100000 }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("1:16: max in memory: expected a multiple of 64KiB (one wasm page), got '100000'");
    }

    @Test
    void maxBelowOnePage() {
        assertThat(error("memory: { max: 1KiB }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("1:16: max in memory: expected at least 64KiB (one wasm page), got '1KiB'");
    }

    @Test
    void importWithoutModulePart() {
        assertThat(error("memory: { import: memory, max: 1MiB }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("1:19: import in memory: expected 'module.name' like env.memory, got 'memory'");
    }

    @Test
    void nameWithASpace() {
        assertThat(error(MEMORY + "modules:\n  - { name: my app, wasm: app.wasm }\n"))
                .isEqualTo("4:13: name in module 'my app': expected a name of letters, digits, '_' and '-'"
                        + " that starts with a letter or '_', got 'my app'");
    }

    @Test
    void nameWithADot() {
        assertThat(error(MEMORY + "shared:\n  - { name: ring.buf, size: 1KiB }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:13: name in shared 'ring.buf': expected a name of letters, digits, '_' and '-'"
                        + " that starts with a letter or '_', got 'ring.buf'");
    }

    @Test
    void unknownStrategy() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, strategy: reloc }\n"))
                .isEqualTo("4:44: strategy in module 'app': expected one of relocate, pic, placed, got 'reloc'"
                        + " (did you mean 'relocate'?)");
    }

    @Test
    void callOfAnUnknownModule() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - call: ap._start\n"))
                .isEqualTo("5:11: call in run step 1: 'ap' is not a module (did you mean 'app'?)");
    }

    @Test
    void callWithoutExport() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - call: app\n"))
                .isEqualTo("5:11: call in run step 1: expected 'module.export' like producer._start, got 'app'");
    }

    @Test
    void runStepThatDoesNothing() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main }\n  - {}\n"))
                .isEqualTo("6:5: run step 2 does nothing: give it a write, load, call or dump");
    }

    @Test
    void argsWithoutCall() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { args: [1], dump: { region: app.heap, file: h } }\n"))
                .isEqualTo("5:13: args in run step 1: only makes sense with a call");
    }

    @Test
    void unknownKeyInRunStep() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, expect-stdot: hi }\n"))
                .isEqualTo("5:23: unknown key 'expect-stdot' in run step 1 (did you mean 'expect-stdout'?)");
    }

    @Test
    void loadIntoAnUnknownRegion() {
        assertThat(error(MEMORY + """
                shared: [ { name: ring, size: 1KiB } ]
                modules: [ { name: app, wasm: app.wasm } ]
                run:
                  - { load: { file: in.bin, region: rng }, call: app.main }
                """)).isEqualTo("6:37: region in load of run step 1: 'rng' is not a region (did you mean 'ring'?)");
    }

    @Test
    void dumpWithoutFile() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { dump: { region: app.heap } }\n"))
                .isEqualTo("5:13: missing key 'file' in dump of run step 1");
    }

    @Test
    void expectExitThatIsNotANumber() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, expect-exit: zero }\n"))
                .isEqualTo("5:36: expect-exit in run step 1: expected a whole number, got 'zero'");
    }

    @Test
    void importsThatIsNotAMapping() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: app.wasm, imports: [lib] }\n"))
                .isEqualTo("4:43: imports in module 'app': expected a mapping, got a list");
    }

    @Test
    void pathThatCannotBeAPath() {
        assertThat(error(MEMORY + "modules:\n  - { name: app, wasm: \"a\\0b\" }\n"))
                .isEqualTo("4:24: wasm in module 'app': not a valid path: Nul character not allowed");
    }

    @Test
    void userTextIsQuotedOnOneLine() {
        assertThat(error(MEMORY + "modules:\n  - { name: \"two\\nlines\", wasm: app.wasm }\n"))
                .isEqualTo("4:13: name in module 'two\\nlines': expected a name of letters, digits, '_' and '-'"
                        + " that starts with a letter or '_', got 'two\\nlines'");
    }

    @Test
    void problemsAreReportedTopDown() {
        assertThat(error("memory: { max: 1000 }\nmodules: [ { name: app, wasm: app.wasm, stak: 1 } ]\n"))
                .startsWith("1:16: max in memory:");
    }

    @Test
    void reserveWriterThatIsNoModule() {
        assertThat(error(MEMORY + "reserve:\n  - { name: io, size: 4KiB, writers: [ap] }\nmodules: [ { name: app, wasm: app.wasm } ]\n"))
                .isEqualTo("4:39: writers in reserve 'io': 'ap' is not a module (did you mean 'app'?)");
    }

    @Test
    void writeIntoAnUnknownRegion() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { write: app.hep, text: hi }\n"))
                .isEqualTo("5:14: write in run step 1: 'app.hep' is not a region (did you mean 'app.heap'?)");
    }

    @Test
    void writeWithoutText() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { write: app.heap }\n"))
                .isEqualTo("5:5: missing key 'text' in run step 1");
    }

    @Test
    void textWithoutWrite() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, text: hi }\n"))
                .isEqualTo("5:29: text in run step 1: only makes sense with a write");
    }

    @Test
    void argThatIsNeitherANumberNorARegion() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, args: [1, app.dat] }\n"))
                .isEqualTo("5:33: args in run step 1: 'app.dat' is not a region (did you mean 'app.data'?)");
    }

    @Test
    void argThatIsABoolean() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, args: [true] }\n"))
                .isEqualTo("5:30: args in run step 1: expected numbers or region names, got 'true' in it");
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, args: [1.5] }\n"))
                .isEqualTo("5:30: args in run step 1: expected whole numbers (decimal or 0x hex, up to 64 bits) or region names,"
                        + " got '1.5' in it");
    }

    private String expectResult(String value) {
        return error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - { call: app.main, expect-result: "
                + value + " }\n");
    }

    @Test
    void expectResultWithoutCall() {
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n"
                + "  - { dump: { region: app.heap, file: h }, expect-result: 1 }\n"))
                .isEqualTo("5:59: expect-result in run step 1: only makes sense with a call");
    }

    @Test
    void expectResultThatIsNotANumber() {
        assertThat(expectResult("many"))
                .isEqualTo("5:38: expect-result in run step 1: expected a number or a list of numbers, got 'many'");
        assertThat(expectResult("true"))
                .isEqualTo("5:38: expect-result in run step 1: expected a number or a list of numbers, got 'true'");
        assertThat(expectResult("1_000")) // YAML 1.1 reads this as 1000; we do not guess
                .isEqualTo("5:38: expect-result in run step 1: expected a number or a list of numbers, got '1_000'");
        assertThat(expectResult("{ value: 1 }"))
                .isEqualTo("5:38: expect-result in run step 1: expected a number or a list of numbers, got a mapping");
    }

    @Test
    void expectResultThatIsEmpty() {
        assertThat(expectResult("[]"))
                .isEqualTo("5:38: expect-result in run step 1: expected at least one number, got an empty list");
        assertThat(error(MEMORY + "modules: [ { name: app, wasm: app.wasm } ]\nrun:\n  - call: app.main\n    expect-result:\n"))
                .isEqualTo("6:19: expect-result in run step 1: expected a number or a list of numbers, got nothing");
    }

    @Test
    void expectResultListWithSomethingElseInIt() {
        assertThat(expectResult("[1, two]"))
                .isEqualTo("5:42: expect-result in run step 1: expected a list of numbers, got 'two' in it");
        assertThat(expectResult("[1, [2]]"))
                .isEqualTo("5:42: expect-result in run step 1: expected a list of numbers, got a list in it");
    }

    @Test
    void expectResultBeyond64Bits() {
        assertThat(expectResult("[0, 18446744073709551616]"))
                .isEqualTo("5:42: expect-result in run step 1: '18446744073709551616' does not fit in 64 bits"
                        + " (whole numbers go from -9223372036854775808 to 18446744073709551615)");
        assertThat(expectResult("-0x8000000000000001"))
                .isEqualTo("5:38: expect-result in run step 1: '-0x8000000000000001' does not fit in 64 bits"
                        + " (whole numbers go from -9223372036854775808 to 18446744073709551615)");
    }
}
